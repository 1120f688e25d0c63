import Foundation
import Testing

@testable import LeadCore

/// A log written through `HistoryLog` with leads in every state, Cyrillic names, escapes.
struct GeneratedLog {
  static let firstNames = ["Семён", "Алёна", "Пётр", "Ирина", "Jean \"Jo\"", "Zoë", "Ёлка"]
  static let lastNames = ["Ёжиков", "Щёкина", "Иванов", "Smith\\Jones", "Фёдорова", "Ли"]
  static let start = Date(timeIntervalSince1970: 1_790_000_000)

  let url: URL
  let ids: [LeadID]

  /// Writes `count` leads; lead `n` ends accepted, rejected, not delivered, uncertain, done,
  /// queued or sending (by a process that is gone) as `n` runs through those seven.
  init(in directory: TemporaryDirectory, count: Int) throws {
    url = directory.file("history.jsonl")
    // Written in one group commit: a flush per record would hold a test thread for seconds.
    var log = RecordList()
    var ids: [LeadID] = []
    for number in 0..<count {
      let id = LeadID(rawValue: String(format: "%012x", number * 7919 + 1))
      ids.append(id)
      let time = Self.start + Double(number) * 61.5
      let lead = Lead(
        firstName: Self.firstNames[number % Self.firstNames.count],
        lastName: Self.lastNames[number % Self.lastNames.count],
        phone: number % 3 == 0 ? "8 (912) 345-\(10 + number % 90)-0\(number % 10)" : "",
        email: number % 3 == 0 ? "" : "Lead\(number)@Example.RU",
        comment: "звонок\n\"VIP\" \u{1}")
      try log.append(
        .queued(
          id: id, time: time, lead: lead, endpoint: "http://127.0.0.1:9/api/site/",
          method: .post, operatorName: "оператор"))
      let kind = number % 7
      guard kind != 5 else { continue }
      try log.append(
        .sending(id: id, time: time + 1, attempt: 1, pid: kind == 6 ? 999_999_999 : nil))
      switch kind {
      case 0: try log.append(.outcome(id: id, time: time + 2, attempt: 1, outcome: Self.accepted))
      case 1: try log.append(.outcome(id: id, time: time + 2, attempt: 1, outcome: Self.rejected))
      case 2: try log.append(.outcome(id: id, time: time + 2, attempt: 1, outcome: Self.lost))
      case 4:
        try log.append(.outcome(id: id, time: time + 2, attempt: 1, outcome: Self.maybe))
        try log.append(.done(id: id, time: time + 3, by: "Мария"))
        try log.append(.outcome(id: id, time: time + 4, attempt: 1, outcome: Self.accepted))
      default: try log.append(.outcome(id: id, time: time + 2, attempt: 1, outcome: Self.maybe))
      }
    }
    try HistoryLog(url: url).append(contentsOf: log.records)
    self.ids = ids
  }

  /// Records gathered for one write.
  private struct RecordList {
    var records: [HistoryRecord] = []
    mutating func append(_ record: HistoryRecord) throws { records.append(record) }
  }

  static let accepted = Outcome(kind: .accepted, httpStatus: 200, errors: [], reason: "HTTP 200")
  static let rejected = Outcome(
    kind: .rejected, httpStatus: 200, errors: [CRMErrorCode(code: 102)], reason: "error 102")
  static let lost = Outcome(kind: .notDelivered, httpStatus: 503, errors: [], reason: "HTTP 503")
  static let maybe = Outcome(kind: .uncertain, httpStatus: nil, errors: [], reason: "timed out")

  func append(_ bytes: String) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes.utf8))
    try handle.close()
  }
}

@Suite("History index")
struct HistoryIndexTests {
  /// The index and the full reader must agree on every lead, state and damaged line.
  private func expectAgreement(_ url: URL) {
    let snapshot = HistoryLog(url: url).load()
    let report = HistoryIndex.build(url: url)
    let index = report.index
    #expect(report.damagedLines == snapshot.damagedLines)
    #expect(index.count == snapshot.entries.count)
    let newestFirst = (0..<index.count).reversed().map { index.id(at: $0) }
    #expect(newestFirst == snapshot.entries.map(\.id))
    for (position, entry) in zip((0..<index.count).reversed(), snapshot.entries) {
      #expect(index.state(at: position) == entry.state, "lead \(entry.id)")
      #expect(abs(index.queuedAt(position).timeIntervalSince(entry.queuedAt)) < 0.001)
      #expect(index.entry(at: position) == entry, "lead \(entry.id)")
    }
  }

  @Test func agreesWithTheFullReaderOnEveryLeadAndState() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 70)
    expectAgreement(log.url)
    let states = Set((0..<70).map { HistoryIndex.build(url: log.url).index.state(at: $0) })
    #expect(states == [.accepted, .rejected, .notDelivered, .uncertain, .done, .queued])
  }

  @Test func agreesOnDamage() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 20)
    try log.append("{\"id\":\"broken\n")  // invalid in the middle
    try log.append(
      "{\"id\":\"ffffffffffff\",\"time\":\"2026-12-03T10:00:00.000Z\",\"type\":\"done\",\"by\":\"x\"}\n"
    )
    try log.append("   \n")
    try log.append(String(decoding: try Data(contentsOf: log.url).prefix(400), as: UTF8.self))
    try log.append("\n" + String(repeating: "\u{0}", count: 512))
    expectAgreement(log.url)
    #expect(HistoryIndex.build(url: log.url).damagedLines.count >= 3)
  }

  @Test func agreesOnCompactedLogs() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 30)
    try HistoryLog(url: log.url).compact(maxBytes: 0)
    expectAgreement(log.url)
    #expect(!HistoryIndex.build(url: log.url).worthCompacting)
  }

  @Test func readsAcrossChunkBoundaries() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 40)
    // Lines cut by every possible chunk end are carried whole into the next chunk.
    for chunk in [1, 7, 100, 333] {
      let report = HistoryIndex.build(url: log.url, chunkSize: chunk)
      #expect(report.index.count == 40, "chunk \(chunk)")
      #expect(report.damagedLines.isEmpty, "chunk \(chunk)")
    }
  }

  @Test(arguments: [HistoryIndex.defaultChunkSize, 64 * 1024])
  func aLineOverTheCapIsReportedNotHeld(chunkSize: Int) throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 6)
    let before = HistoryIndex.build(url: log.url)
    let records = try Data(contentsOf: log.url)
    let lineCount = records.count(where: { $0 == UInt8(ascii: "\n") })
    // A well-formed record just over the cap first, then every record, then an unterminated
    // tail over the cap: neither long line becomes a lead, in either reader.
    // Built from bytes, not through the encoder: a 16 MiB string costs seconds in a debug build.
    let small = try HistoryRecord.queued(
      id: LeadID(rawValue: "0000000fffff"), time: GeneratedLog.start,
      lead: Lead(firstName: "Анна", comment: "PAD"), endpoint: "http://127.0.0.1:9/api/site/",
      method: .post, operatorName: "оператор"
    ).jsonLine()
    let pad = try #require(Data(small).range(of: Data("PAD".utf8)))
    var long = Data(small)
    long.replaceSubrange(
      pad, with: Data(repeating: UInt8(ascii: "x"), count: HistoryIndex.longestLine))
    #expect(long.count > HistoryIndex.longestLine)
    #expect(try JSONSerialization.jsonObject(with: long) is [String: Any])
    var damaged = long + Data([UInt8(ascii: "\n")])
    damaged += records + Data(repeating: UInt8(ascii: "y"), count: HistoryIndex.longestLine + 1)
    let url = directory.file("long.jsonl")
    try damaged.write(to: url)

    let report = HistoryIndex.build(url: url, chunkSize: chunkSize)
    let full = HistoryLog(url: url).load()

    #expect(
      (0..<report.index.count).map(report.index.id(at:))
        == (0..<before.index.count).map(before.index.id(at:)))
    #expect(report.damagedLines == [1] + before.damagedLines.map { $0 + 1 } + [lineCount + 2])
    #expect(full.entries.count == before.index.count)
    #expect(full.damagedLines == report.damagedLines)
  }

  @Test func aMissingLogIsEmptyAndNoProblem() throws {
    let directory = try TemporaryDirectory()
    let report = HistoryIndex.build(url: directory.file("none.jsonl"))
    #expect(report.index.count == 0)
    #expect(report.readProblem == nil)
  }

  @Test func compactionIsWorthItWhenLaterRecordsAreAThirdOrMore() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 14)
    #expect(HistoryIndex.build(url: log.url).worthCompacting)
  }

  @Test func theTailHoldsTheNewestLeadsWithTheirLaterRecords() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 50)
    let full = HistoryLog(url: log.url).load()
    let tail = HistoryLog(url: log.url).loadTail(maxBytes: 4096)
    #expect(!tail.entries.isEmpty)
    #expect(tail.entries.count < full.entries.count)
    #expect(tail.damagedLines.isEmpty)
    #expect(Array(full.entries.prefix(tail.entries.count)) == tail.entries)
  }

  @Test func leadsQueuedLaterAreIndexedInMemory() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 5)
    let index = HistoryIndex.build(url: log.url).index
    let version = index.version
    let entry = HistoryEntry(
      id: LeadID(rawValue: "new"), queuedAt: Date(),
      lead: Lead(firstName: "Новый", phone: "1234567"),
      endpoint: "http://127.0.0.1:9/", method: .post)

    index.append(entry)
    index.update(entry.id, to: .accepted)

    #expect(index.count == 6)
    #expect(index.position(of: entry.id) == 5)
    #expect(index.state(at: 5) == .accepted)
    #expect(index.entry(at: 5) == nil)
    #expect(index.version > version)
    #expect(index.matches(query: "новый", states: Set(LeadState.allCases)) == [5])
  }
}

/// A line's fields as text, through the scanner.
private struct Summary {
  var type: HistoryRecord.RecordType
  var id: String
  var time: Double
  var firstName = ""
  var lastName = ""
  var phone = ""
  var email = ""
  var state: LeadState?

  static func of(_ line: ArraySlice<UInt8>) -> Summary? {
    line.withUnsafeBufferPointer { bytes in
      guard let fields = HistoryLineScanner.fields(of: bytes) else { return nil }
      let scanner = HistoryLineScanner(bytes)
      guard let id = scanner.text(fields.id), let time = scanner.time(fields.time) else {
        return nil
      }
      var summary = Summary(type: fields.type, id: id, time: time, state: fields.state)
      summary.firstName = fields.firstName.flatMap(scanner.text) ?? ""
      summary.lastName = fields.lastName.flatMap(scanner.text) ?? ""
      summary.phone = fields.phone.flatMap(scanner.text) ?? ""
      summary.email = fields.email.flatMap(scanner.text) ?? ""
      return summary
    }
  }
}

@Suite("History line scanner")
struct HistoryLineScannerTests {
  private func lines(_ url: URL) throws -> [ArraySlice<UInt8>] {
    [UInt8](try Data(contentsOf: url)).split(separator: UInt8(ascii: "\n"))
  }

  @Test func readsWhatTheFullDecoderReadsFromEveryRecordType() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 14)
    var all = try lines(log.url)
    try HistoryLog(url: log.url).compact(maxBytes: 0)
    all += try lines(log.url)
    for line in all {
      let record = try #require(HistoryRecord.parse(line: line))
      let summary = try #require(Summary.of(line))
      #expect(summary.id == record.id.rawValue)
      #expect(abs(summary.time - record.time.timeIntervalSince1970) < 0.001)
      if case .queued(_, _, let lead, _, _, _) = record {
        #expect([summary.firstName, summary.lastName] == [lead.firstName, lead.lastName])
        #expect([summary.phone, summary.email] == [lead.phone, lead.email])
      }
      if case .compacted(let entry) = record {
        #expect(summary.state == entry.state)
        #expect(summary.firstName == entry.lead.firstName)
      }
    }
  }

  @Test func refusesEveryCutShortLineAsTheFullDecoderDoes() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 7)
    // One line of each record type, cut at every length.
    var seen: Set<String> = []
    let samples = try lines(log.url).filter { line in
      let type = Summary.of(line).map { "\($0.type)" } ?? ""
      return seen.insert(type).inserted
    }
    #expect(samples.count == 4)
    for line in samples {
      for length in 0..<line.count {
        let cut = line.prefix(length)
        #expect(Summary.of(cut) == nil, "cut at \(length)")
        #expect(HistoryRecord.parse(line: cut) == nil, "cut at \(length)")
      }
    }
  }

  @Test(
    "refuses what the decoder refuses",
    arguments: [
      #"{"id":"a","time":"2026-12-03T10:00:00.000Z","type":"done","by":"x"} x"#,
      #"{"id":"a","time":"2026-12-03T10:00:00.000Z","type":"done"}"#,
      #"{"id":"a","time":"yesterday","type":"done","by":"x"}"#,
      #"{"id":"a","time":"2026-12-03T10:00:00.000Z","type":"lost","by":"x"}"#,
      #"{"id":"a","time":"2026-12-03T10:00:00.000Z","type":"done","by":"\q"}"#,
      "{\"id\":\"a\",\"time\":\"2026-12-03T10:00:00.000Z\",\"type\":\"done\",\"by\":\"\u{1}\"}",
      #"{"id":"a","time":"2026-12-03T10:00:00.000Z","type":"outcome","attempt":1,"kind":"won","reason":""}"#,
      #"{"id":"a","time":"2026-12-03T10:00:00.000Z","type":"sending","attempt":"1"}"#,
      #"{"id":"a","time":"2026-12-03T10:00:00.000Z","type":"done","by":"\ud800"}"#,
      #"["id","a"]"#,
    ])
  func refusesWhatTheDecoderRefuses(line: String) {
    let bytes = ArraySlice(Array(line.utf8))
    #expect(HistoryRecord.parse(line: bytes) == nil)
    #expect(Summary.of(bytes) == nil)
  }

  @Test func readsEscapedNamesAsTheDecoderDoes() throws {
    let line =
      #"{"endpoint":"e","id":"a","lead":{"first_name":"\"Q\" \\ \/ \u0416\ud83d\ude00\n","#
      + #""last_name":"Ёж"},"method":"POST","time":"2026-12-03T10:00:00.000Z","type":"queued"}"#
    let bytes = ArraySlice(Array(line.utf8))
    let record = try #require(HistoryRecord.parse(line: bytes))
    let summary = try #require(Summary.of(bytes))
    guard case .queued(_, _, let lead, _, _, _) = record else {
      Issue.record("not a queued record")
      return
    }
    #expect(summary.firstName.unicodeScalars.elementsEqual(lead.firstName.unicodeScalars))
    #expect(summary.firstName.unicodeScalars.elementsEqual("\"Q\" \\ / Ж😀\n".unicodeScalars))
    #expect(summary.lastName == "Ёж")
  }
}

@Suite("History index kept up to date")
struct HistoryIndexRefreshTests {
  @Test func refreshReadsOnlyWhatAnotherWriterAppended() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 10)
    let reader = HistoryLog(url: log.url)
    let index = reader.currentIndex()
    let version = index.version
    #expect(reader.currentIndex().version == version)
    let waiting = try #require((0..<10).first { index.state(at: $0) == .notDelivered })

    let writer = HistoryLog(url: log.url)
    let id = index.id(at: waiting)
    try writer.append(.sending(id: id, time: Date(), attempt: 2, pid: getpid()))
    try writer.append(
      .outcome(id: id, time: Date(), attempt: 2, outcome: GeneratedLog.accepted))
    let fresh = LeadID(rawValue: "0000000fresh")
    try writer.append(
      .queued(
        id: fresh, time: Date(), lead: Lead(firstName: "Свежий", phone: "+7 900 1"),
        endpoint: "http://127.0.0.1:9/", method: .post, operatorName: nil))

    let updated = reader.currentIndex()
    #expect(updated === index)
    #expect(updated.version > version)
    #expect(updated.state(at: waiting) == .accepted)
    #expect(updated.entry(at: waiting)?.attempts.count == 2)
    #expect(updated.count == 11)
    #expect(updated.matches(query: "свежий", states: Set(LeadState.allCases)) == [10])
  }

  @Test func aCompactedLogIsReadAfresh() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 21)
    let history = HistoryLog(url: log.url)
    let before = history.currentIndex()
    let states = (0..<21).map { before.state(at: $0) }

    try history.compact(maxBytes: 0)
    let after = history.currentIndex()

    #expect(after.count == 21)
    #expect((0..<21).map { after.state(at: $0) } == states)
    #expect(
      (0..<21).map { after.entry(at: $0) } == HistoryLog(url: log.url).load().entries.reversed())
  }

  @Test func aLeadListedFromMemoryTakesItsPlaceWhenItsRecordIsRead() throws {
    let directory = try TemporaryDirectory()
    let log = try GeneratedLog(in: directory, count: 3)
    let history = HistoryLog(url: log.url)
    let index = history.currentIndex()
    let dispatcherLead = HistoryEntry(
      id: LeadID(rawValue: "00000000beef"), queuedAt: Date(), lead: Lead(phone: "+7 900 2"),
      endpoint: "http://127.0.0.1:9/", method: .post)
    index.append(dispatcherLead)
    try history.append(
      .queued(
        id: dispatcherLead.id, time: dispatcherLead.queuedAt, lead: dispatcherLead.lead,
        endpoint: dispatcherLead.endpoint, method: .post, operatorName: nil))

    let refreshed = history.currentIndex()

    #expect(refreshed.count == 4)
    #expect(refreshed.damagedLines.isEmpty)
    #expect(refreshed.entry(at: 3)?.lead == dispatcherLead.lead)
  }
}
