import Foundation
import Testing

@testable import LeadCore

@Suite("History retention")
struct HistoryRetentionTests {
  private let now = Date(timeIntervalSince1970: 1_790_000_000)
  private let day = 86_400.0

  private func lead(_ name: String) -> Lead {
    Lead(
      firstName: name, lastName: "Щёкина-\(name)", phone: "+7 912 345-67-\(name.count)",
      email: "\(name)@example.ru", comment: "перезвонить \(name)",
      extraFields: [ExtraField(code: "city", value: "Пермь-\(name)")])
  }

  /// An outcome whose words echo the lead back, as a CRM's answer or error page may.
  private func outcome(_ kind: OutcomeKind, of name: String) -> Outcome {
    Outcome(
      kind: kind, httpStatus: 200, errors: kind == .rejected ? [CRMErrorCode(code: 102)] : [],
      reason: "HTTP 200: {\"echo\":\"\(name)@example.ru\"}")
  }

  /// Writes one lead per (name, age in days, how it ended), each with one attempt.
  private func write(_ leads: [(String, Double, OutcomeKind?)], to log: HistoryLog) throws {
    var records: [HistoryRecord] = []
    for (name, age, kind) in leads {
      let id = LeadID(rawValue: name)
      let time = now - age * day
      records.append(
        .queued(
          id: id, time: time, lead: lead(name), endpoint: "http://127.0.0.1:1/api/site/",
          method: .post, operatorName: "Мария"))
      records.append(.sending(id: id, time: time + 1, attempt: 1, pid: nil))
      if let kind {
        records.append(
          .outcome(id: id, time: time + 2, attempt: 1, outcome: outcome(kind, of: name)))
      }
    }
    try log.append(contentsOf: records)
  }

  @Test func compactionPurgesOnlyFinishedLeadsOlderThanTheRetention() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try write(
      [
        ("old-accepted", 40, .accepted), ("old-rejected", 40, .rejected),
        ("old-waiting", 40, .notDelivered), ("old-uncertain", 40, .uncertain),
        ("new-accepted", 5, .accepted), ("old-done", 50, .uncertain),
      ], to: log)
    try log.append(.done(id: LeadID(rawValue: "old-done"), time: now - 49 * day, by: "Мария"))
    let before = log.load()

    #expect(try log.compact(maxBytes: 0, retention: HistoryRetention(days: 30, now: now)))

    let after = log.load()
    #expect(after.damagedLines.isEmpty)
    #expect(after.entries.map(\.id) == before.entries.map(\.id))
    #expect(after.entries.map(\.state) == before.entries.map(\.state))
    #expect(
      after.entries.map { $0.attempts.map(\.number) }
        == before.entries.map { $0.attempts.map(\.number) })
    #expect(
      after.entries.map { $0.attempts.map(\.outcome?.kind) }
        == before.entries.map { $0.attempts.map(\.outcome?.kind) })
    let purged = Set(after.entries.filter { $0.purgedAt != nil }.map(\.id.rawValue))
    #expect(purged == ["old-accepted", "old-done"])
    for entry in after.entries {
      let original = try #require(before.entries.first { $0.id == entry.id })
      if purged.contains(entry.id.rawValue) {
        #expect(entry.lead == Lead(extraFields: [ExtraField(code: "city", value: "")]))
        #expect(entry.purgedAt == now)
        #expect(entry.operatorName == original.operatorName)
        #expect(entry.attempts.allSatisfy { $0.outcome?.reason == "" })
        #expect(
          entry.attempts.map(\.outcome?.httpStatus) == original.attempts.map(\.outcome?.httpStatus))
        #expect(entry.lastOutcome?.kind == original.lastOutcome?.kind)
        #expect(entry.lastOutcome?.reason == "")
      } else {
        #expect(entry.lead == original.lead)
        #expect(entry.attempts == original.attempts)
      }
    }
    // No trace of the purged leads' data is left anywhere in the file.
    let text = String(decoding: try Data(contentsOf: log.url), as: UTF8.self)
    for name in purged {
      #expect(!text.contains("Щёкина-\(name)"))
      #expect(!text.contains("\(name)@example.ru"))
      #expect(!text.contains("Пермь-\(name)"))
    }
    #expect(text.contains("Щёкина-old-rejected"))
  }

  @Test func aDamagedLineNamingAPurgedLeadGoesWithItsDataAndOthersStay() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try write([("old", 40, .accepted), ("kept", 40, .rejected)], to: log)
    let torn = [
      #"{"attempt":3,"id": "old","kind":"outcome","reason":"echo Зинаида zinaida@secret.ru"#,
      #"{"attempt":2,"id":"kept","kind":"outcome","reason":"echo Пётр"#,
      #"{"kind":"outcome","reason":"no id at all"#,
    ]
    let handle = try FileHandle(forWritingTo: log.url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(torn.map { $0 + "\n" }.joined().utf8))
    try handle.close()

    #expect(try log.compact(maxBytes: 0, retention: HistoryRetention(days: 30, now: now)))

    let text = String(decoding: try Data(contentsOf: log.url), as: UTF8.self)
    #expect(!text.contains("zinaida@secret.ru"))
    #expect(text.contains("echo Пётр"))
    #expect(text.contains("no id at all"))
    #expect(log.load().damagedLines.count == 2)
  }

  @Test(
    "the ids a damaged line names are read with or without spaces, up to a cut",
    arguments: [
      (#"{"id":"a1","x":1"#, ["a1"]), (#"{"id" : "b2"#, ["b2"]),
      (#"{"kind":"done","id":"c3","by":"x","id":"d4"}"#, ["c3", "d4"]), (#"{"id":12}"#, []),
      (#"{"identity":"no"}"#, []),
    ])
  func idsNamed(line: String, ids: [String]) {
    #expect(HistoryLog.idsNamed(in: ArraySlice(Array(line.utf8))) == ids)
  }

  @Test func theIndexReadsAPurgedLogAsTheFullReadDoes() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try write([("a", 40, .accepted), ("b", 1, .accepted), ("c", 40, .rejected)], to: log)
    try log.compact(maxBytes: 0, retention: HistoryRetention(days: 30, now: now))

    let full = log.load()
    let report = HistoryIndex.build(url: log.url)
    #expect(report.damagedLines.isEmpty)
    #expect(report.index.count == full.entries.count)
    for position in 0..<report.index.count {
      let id = report.index.id(at: position)
      #expect(report.index.state(at: position) == full.entries.first { $0.id == id }?.state)
    }
    let shown = report.index.matches(query: "Щёкина", states: Set(LeadState.allCases))
    #expect(Set(shown.map { report.index.id(at: Int($0)).rawValue }) == ["b", "c"])
  }

  @Test func aSecondCompactionKeepsTheFirstPurgeDate() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try write([("a", 40, .accepted)], to: log)
    try log.compact(maxBytes: 0, retention: HistoryRetention(days: 30, now: now))
    try log.compact(maxBytes: 0, retention: HistoryRetention(days: 30, now: now + day))
    #expect(log.load().entries.first?.purgedAt == now)
  }

  @Test func withoutARetentionCompactionKeepsEveryField() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try write([("a", 4_000, .accepted)], to: log)
    try log.compact(maxBytes: 0)
    #expect(log.load().entries.first?.lead == lead("a"))
    #expect(log.load().entries.first?.purgedAt == nil)
  }
}
