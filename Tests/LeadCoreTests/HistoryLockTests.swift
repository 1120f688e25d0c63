import Foundation
import Testing

@testable import LeadCore

@Suite("History lock")
struct HistoryLockTests {
  private let start = Date(timeIntervalSince1970: 1_714_557_600)

  fileprivate func queued(_ name: String) -> HistoryRecord {
    .queued(
      id: LeadID(rawValue: name), time: start,
      lead: Lead(firstName: "Андрей", lastName: "Щёкин", phone: "+7 (999) 123-45-67"),
      endpoint: "http://127.0.0.1:8080/api/site/", method: .post, operatorName: "Мария")
  }

  @Test func appendCreatesAPrivateLockFileBesideTheLog() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("state/history.jsonl"))

    try log.append(queued("a1"))

    let lockPath = directory.file("state/history.jsonl.lock").path
    let attributes = try FileManager.default.attributesOfItem(atPath: lockPath)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    #expect(log.load().entries.map(\.id) == [LeadID(rawValue: "a1")])
  }

  @Test func aHeldLockIsRefusedWithoutWaitingAndFreeOnceReleased() throws {
    let directory = try TemporaryDirectory()
    let lock = HistoryLock.retrying(directory.file("history.jsonl"))

    let first = try #require(try lock.acquire(waiting: false))
    #expect(try lock.acquire(waiting: false) == nil)
    first.release()
    let second = try lock.acquire(waiting: false)

    #expect(second != nil)
    #expect(lock.url.lastPathComponent == "history.jsonl.retry.lock")
  }

  @Test func anUnopenableLockFileIsAnErrorNamingIt() throws {
    let directory = try TemporaryDirectory()
    let lock = HistoryLock(url: directory.file("missing-folder/history.jsonl.lock"))

    #expect(throws: HistoryError.self) { try lock.acquire(waiting: true) }
  }

  /// Two independent logs on one file stand for two processes: each append opens its own lock
  /// descriptor, so only the file lock keeps their records apart.
  @Test func twoWritersAppendingAThousandRecordsEachLeaveEveryRecordIntact() async throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    let perWriter = 1_000

    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in ["a", "b"] {
        let log = HistoryLog(url: url)
        group.addTask {
          for index in 0..<perWriter {
            try log.append(queued("\(writer)\(index)"))
          }
        }
      }
      try await group.waitForAll()
    }

    let snapshot = HistoryLog(url: url).load()
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    #expect(snapshot.damagedLines.isEmpty)
    #expect(lines.count == 2 * perWriter)
    #expect(Set(snapshot.entries.map(\.id)).count == 2 * perWriter)
  }
}

extension HistoryLockTests {
  @Test func appendWaitsWhileAnotherHolderHasTheLock() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    let held = try #require(try HistoryLock.appending(to: url).acquire(waiting: false))
    let finished = DispatchSemaphore(value: 0)
    let record = queued("late")

    Thread.detachNewThread {
      try? HistoryLog(url: url).append(record)
      finished.signal()
    }

    // Unlocked, the append would finish in well under this bound.
    #expect(finished.wait(timeout: .now() + 0.5) == .timedOut)
    held.release()
    #expect(finished.wait(timeout: .now() + 10) == .success)
    #expect(HistoryLog(url: url).load().entries.map(\.id) == [LeadID(rawValue: "late")])
  }
}
