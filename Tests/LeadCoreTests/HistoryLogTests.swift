import Foundation
import Testing

@testable import LeadCore

@Suite("History log")
struct HistoryLogTests {
  private let start = Date(timeIntervalSince1970: 1_714_557_600)

  private func queued(_ name: String, at offset: TimeInterval = 0) -> HistoryRecord {
    .queued(
      id: LeadID(rawValue: name), time: start + offset,
      lead: Lead(firstName: "Андрей", lastName: "Щёкин", phone: "+7 (999) 123-45-67"),
      endpoint: "http://127.0.0.1:8080/api/site/", method: .post, operatorName: "Мария")
  }

  private func contents(_ url: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url))
  }

  private func appendRaw(_ bytes: [UInt8], to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
  }

  @Test func roundTripsEveryRecordTypeThroughTheFile() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    let rejected = Outcome(
      kind: .rejected, httpStatus: 200, errors: [CRMErrorCode(code: 101)],
      reason: "HTTP 200: CRM refused the lead: error 101 (API key is wrong)")
    let id = LeadID(rawValue: "a1")

    try log.append(queued("a1"))
    try log.append(.sending(id: id, time: start + 1.25, attempt: 1))
    try log.append(.outcome(id: id, time: start + 2.5, attempt: 1, outcome: rejected))
    let snapshot = log.load()

    let entry = try #require(snapshot.entries.first)
    #expect(snapshot.damagedLines.isEmpty)
    #expect(entry.lead.firstName == "Андрей")
    #expect(entry.lead.lastName == "Щёкин")
    #expect(entry.queuedAt == start)
    #expect(entry.operatorName == "Мария")
    #expect(entry.state == .rejected)
    #expect(entry.lastOutcome == rejected)
    #expect(
      entry.attempts == [
        AttemptRecord(
          number: 1, startedAt: start + 1.25, finishedAt: start + 2.5, outcome: rejected)
      ])
  }

  @Test func writesReadableJSONWithCyrillicAsUTF8() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")

    try HistoryLog(url: url).append(queued("a1"))
    let text = String(decoding: try contents(url), as: UTF8.self)

    #expect(text.hasSuffix("}\n"))
    #expect(text.filter { $0 == "\n" }.count == 1)
    #expect(text.contains(#""first_name":"Андрей""#))
    #expect(text.contains(#""last_name":"Щёкин""#))
    #expect(text.contains(#""endpoint":"http://127.0.0.1:8080/api/site/""#))
    #expect(text.contains(#""time":"2024-05-01T10:00:00.000Z""#))
    #expect(text.contains(#""type":"queued""#))
    #expect(!text.contains("\\u"))
  }

  @Test func createsThePrivateDirectoryAndFile() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("state/gentleman-lead-console/history.jsonl")

    try HistoryLog(url: url).append(queued("a1"))

    let fileMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]
    let folder = url.deletingLastPathComponent().path
    let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions]
    #expect((fileMode as? NSNumber)?.intValue == 0o600)
    #expect((folderMode as? NSNumber)?.intValue == 0o700)
  }

  /// The two ways a crash leaves the end of the file: a torn record and zero padding.
  static let damagedTails: [String: [UInt8]] = [
    "torn record": Array(#"{"ts":"2024-05-01T10:00:00Z","phone":"+7 (999"#.utf8),
    "512 NUL bytes": [UInt8](repeating: 0, count: 512),
  ]

  @Test(
    "skips a damaged tail and starts the next record on its own line",
    arguments: damagedTails.keys.sorted())
  func recoversFromDamagedTail(kind: String) throws {
    let tail = try #require(Self.damagedTails[kind])
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    let log = HistoryLog(url: url)
    try log.append(queued("a1"))
    try log.append(queued("a2", at: 60))
    try appendRaw(tail, to: url)

    let before = log.load()
    try log.append(queued("a3", at: 120))
    let after = log.load()

    #expect(before.entries.map(\.id.rawValue) == ["a2", "a1"])
    #expect(before.damagedLines == [3])
    #expect(after.entries.map(\.id.rawValue) == ["a3", "a2", "a1"])
    #expect(after.damagedLines == [3])
    let lines = try contents(url).split(separator: UInt8(ascii: "\n"))
    #expect(lines.count == 4)
    #expect(Array(lines[2]) == tail)
  }

  @Test func skipsAnInvalidLineInTheMiddleAndCountsIt() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    let log = HistoryLog(url: url)
    try log.append(queued("a1"))
    try appendRaw(Array("not json at all\n\n{\"type\":\"sending\"}\n".utf8), to: url)
    try log.append(.sending(id: LeadID(rawValue: "ghost"), time: start, attempt: 1))
    try log.append(queued("a2", at: 60))

    let snapshot = log.load()

    #expect(snapshot.entries.map(\.id.rawValue) == ["a2", "a1"])
    #expect(snapshot.damagedLines == [2, 4, 5])
  }

  @Test func loadsNothingFromAMissingFile() throws {
    let directory = try TemporaryDirectory()

    let snapshot = HistoryLog(url: directory.file("none/history.jsonl")).load()

    #expect(snapshot == HistorySnapshot())
  }

  @Test func reportsAFileThatCannotBeWritten() throws {
    let directory = try TemporaryDirectory()
    try directory.write("", to: "blocker")
    let log = HistoryLog(url: directory.file("blocker/history.jsonl"))

    #expect(throws: HistoryError.self) { try log.append(queued("a1")) }
  }

  @Test func keepsEveryLineWholeUnderConcurrentAppends() async throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    let count = 64

    await withTaskGroup(of: Void.self) { group in
      for index in 0..<count {
        group.addTask {
          try? log.append(
            .queued(
              id: LeadID(rawValue: "lead\(index)"), time: Date(timeIntervalSince1970: 0),
              lead: Lead(comment: String(repeating: "ж", count: 2_000 + index)),
              endpoint: "http://127.0.0.1/", method: .get, operatorName: nil))
        }
      }
    }
    let snapshot = log.load()

    #expect(snapshot.entries.count == count)
    #expect(snapshot.damagedLines.isEmpty)
  }
}
