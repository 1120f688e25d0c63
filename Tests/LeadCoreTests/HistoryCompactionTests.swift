import Foundation
import Testing

@testable import LeadCore

@Suite("History compaction")
struct HistoryCompactionTests {
  private let start = Date(timeIntervalSince1970: 1_714_557_600)
  private let torn = Array(#"{"type":"queued","id":"torn","ti"#.utf8)
  private let invalid = Array("not json at all".utf8)

  private func outcome(_ kind: OutcomeKind, _ errors: [Int] = [], status: Int? = 200) -> Outcome {
    Outcome(
      kind: kind, httpStatus: status, errors: errors.map { CRMErrorCode(code: $0) },
      reason: "reason «\(kind)»")
  }

  /// A log with every kind of record, a torn line and an invalid line in the middle, and an
  /// orphaned record.
  private func writeMixedLog(_ log: HistoryLog) throws {
    for (number, name) in ["a", "b", "c", "d"].enumerated() {
      let id = LeadID(rawValue: name)
      let time = start + Double(number * 10)
      try log.append(
        .queued(
          id: id, time: time,
          lead: Lead(
            firstName: "Ёлка \(name)", lastName: "Щ", phone: "+7 912 00\(number)", email: "",
            comment: "a&b\nc", extraFields: [ExtraField(code: "city", value: "Пермь")]),
          endpoint: "http://127.0.0.1:1/api/site/", method: number.isMultiple(of: 2) ? .post : .get,
          operatorName: number == 3 ? nil : "Мария"))
      try log.append(.sending(id: id, time: time + 1, attempt: 1, pid: getpid()))
    }
    try appendRaw(torn + [UInt8(ascii: "\n")] + invalid + [UInt8(ascii: "\n")], to: log.url)
    let a = LeadID(rawValue: "a")
    try log.append(.outcome(id: a, time: start + 2, attempt: 1, outcome: outcome(.notDelivered)))
    try log.append(.sending(id: a, time: start + 3, attempt: 2, pid: getpid()))
    try log.append(.outcome(id: a, time: start + 4, attempt: 2, outcome: outcome(.accepted)))
    let b = LeadID(rawValue: "b")
    let rejected = outcome(.rejected, [102])
    try log.append(.outcome(id: b, time: start + 12, attempt: 1, outcome: rejected))
    let c = LeadID(rawValue: "c")
    try log.append(.outcome(id: c, time: start + 22, attempt: 1, outcome: outcome(.uncertain)))
    try log.append(.done(id: c, time: start + 23, by: "Пётр"))
    try log.append(.sending(id: LeadID(rawValue: "ghost"), time: start, attempt: 1))
  }

  private func appendRaw(_ bytes: [UInt8], to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
  }

  @Test func keepsEveryLeadAttemptAndStateAndCarriesDamagedLinesVerbatim() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try writeMixedLog(log)
    let before = log.load()

    let compacted = try log.compact(maxBytes: 0)
    let after = log.load()
    let bytes = try Data(contentsOf: log.url)
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)

    #expect(compacted)
    #expect(before.entries.count == 4)
    #expect(before.entries.map(\.state) == [.sending, .done, .rejected, .accepted])
    #expect(after.entries == before.entries)
    #expect(after.damagedLines.count == before.damagedLines.count)
    #expect(lines.contains { Array($0) == torn })
    #expect(lines.contains { Array($0) == invalid })
    #expect(lines.count == 4 + before.damagedLines.count + 1)
    #expect(bytes.last == UInt8(ascii: "\n"))
    #expect(!FileManager.default.fileExists(atPath: log.compactionURL.path))
  }

  @Test func recordsAppendedAfterCompactionFoldOntoTheCompactedLead() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try writeMixedLog(log)
    try log.compact(maxBytes: 0)
    let d = LeadID(rawValue: "d")

    try log.append(.outcome(id: d, time: start + 40, attempt: 1, outcome: outcome(.accepted)))
    let entry = try #require(log.load().entries.first { $0.id == d })

    #expect(entry.state == .accepted)
    #expect(entry.attempts.map(\.number) == [1])
    #expect(entry.attempts.first?.startedAt == start + 31)
  }

  @Test func compactingTwiceChangesNothingMore() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try writeMixedLog(log)
    try log.compact(maxBytes: 0)
    let once = try Data(contentsOf: log.url)

    try log.compact(maxBytes: 0)

    #expect(try Data(contentsOf: log.url) == once)
  }

  @Test func leavesALogWithinTheLimitAlone() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    try writeMixedLog(log)
    let before = try Data(contentsOf: log.url)

    #expect(try !log.compact(maxBytes: before.count))
    #expect(try Data(contentsOf: log.url) == before)
    #expect(try !HistoryLog(url: directory.file("missing.jsonl")).compact(maxBytes: 0))
  }

  @Test func aCrashBeforeTheRenameLeavesTheOldFileWhole() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    try writeMixedLog(HistoryLog(url: url))
    let before = try Data(contentsOf: url)
    let crash = HistoryError.cannotWrite(path: url.path, reason: "simulated crash")
    var seams = HistoryLogSeams.system
    seams.beforeRename = { () throws(HistoryError) in throw crash }
    let log = HistoryLog(url: url, seams: seams)

    #expect(throws: crash) { try log.compact(maxBytes: 0) }

    #expect(try Data(contentsOf: url) == before)
    // The finished new file is left as a crash would leave it; the log does not read it.
    let leftover = HistoryLog(url: log.compactionURL).load()
    #expect(leftover.entries == HistoryLog(url: url).load().entries)
    try HistoryLog(url: url).compact(maxBytes: 0)
    #expect(HistoryLog(url: url).load().entries == leftover.entries)
  }
}
