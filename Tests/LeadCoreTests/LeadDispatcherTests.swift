import Foundation
import Synchronization
import Testing

@testable import LeadCore

@Suite("Lead dispatcher")
struct LeadDispatcherTests {
  private let secret = "TESTKEY-0123456789abcdef"

  /// A clock that advances one second per reading, so every record has its own time.
  private static func steppingClock() -> @Sendable () -> Date {
    let ticks = Mutex(0)
    return {
      ticks.withLock { tick in
        tick += 1
        return Date(timeIntervalSince1970: 1_714_557_600 + Double(tick))
      }
    }
  }

  private func dispatcher(
    _ directory: TemporaryDirectory, transport: FakeTransport, method: HTTPMethod = .post
  ) -> LeadDispatcher {
    let client = CRMClient(
      endpoint: "http://127.0.0.1:8080/api/site/", key: APIKey(secret), method: method,
      transport: transport)
    return LeadDispatcher(
      log: HistoryLog(url: directory.file("history.jsonl")), client: client, operatorName: "Мария",
      clock: Self.steppingClock())
  }

  @Test func writesTheQueuedRecordBeforeAnyRequestGoesOut() throws {
    let directory = try TemporaryDirectory()
    let transport = FakeTransport(status: 200, body: #"{"result":"success"}"#)
    let subject = dispatcher(directory, transport: transport)

    let entry = try subject.enqueue(Lead(firstName: "Андрей", phone: "+7 999"))

    #expect(transport.log.requests.isEmpty)
    #expect(subject.log.load().entries == [entry])
    #expect(entry.state == .queued)
    #expect(entry.operatorName == "Мария")
    #expect(entry.id.rawValue.count == 12)
  }

  @Test func recordsSendingThenTheOutcomeAndFoldsTheState() async throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    let transport = FakeTransport { _ in
      #expect(log.load().entries.first?.state == .sending)
      return .answered(
        status: 200, headers: [:], body: Array(#"{"result":"success"}"#.utf8),
        bodyOverflowed: false)
    }
    let subject = dispatcher(directory, transport: transport)

    let entry = try subject.enqueue(Lead(phone: "+7 999"))
    let outcome = await subject.deliver(entry)
    let loaded = try #require(log.load().entries.first)

    #expect(outcome.kind == .accepted)
    #expect(transport.log.requests.count == 1)
    #expect(loaded.state == .accepted)
    #expect(loaded.lastOutcome == outcome)
    #expect(loaded.attempts.map(\.number) == [1])
    #expect(loaded.attempts.first?.startedAt == Date(timeIntervalSince1970: 1_714_557_602))
    #expect(loaded.attempts.first?.finishedAt == Date(timeIntervalSince1970: 1_714_557_603))
    let types = try recordTypes(directory.file("history.jsonl"))
    #expect(types == ["queued", "sending", "outcome"])
  }

  @Test func numbersARetryAfterTheRecordedAttempts() async throws {
    let directory = try TemporaryDirectory()
    let transport = FakeTransport(status: 503, body: "busy")
    let subject = dispatcher(directory, transport: transport)
    _ = await subject.deliver(try subject.enqueue(Lead(email: "a@b.ru")))
    let first = try #require(subject.log.load().entries.first)

    let outcome = await subject.deliver(first)
    let entry = try #require(subject.log.load().entries.first)

    #expect(outcome.kind == .notDelivered)
    #expect(entry.state == .notDelivered)
    #expect(entry.attempts.map(\.number) == [1, 2])
  }

  @Test func neverWritesTheKeyToTheHistory() async throws {
    let directory = try TemporaryDirectory()
    let transport = FakeTransport { request in
      .answered(
        status: 500, headers: ["location": request.url], body: Array(request.url.utf8),
        bodyOverflowed: false)
    }
    let subject = dispatcher(directory, transport: transport, method: .get)

    let outcome = await subject.deliver(try subject.enqueue(Lead(phone: "+7 999")))
    let bytes = try Data(contentsOf: directory.file("history.jsonl"))
    let text = String(decoding: bytes, as: UTF8.self)

    #expect(outcome.kind == .uncertain)
    #expect(!text.contains(secret))
    #expect(!text.contains("cdef"))
    #expect(text.contains(CRMClient.redactedKey))
  }

  @Test func returnsTheOutcomeEvenWhenTheLogFails() async throws {
    let directory = try TemporaryDirectory()
    let transport = FakeTransport(status: 200, body: #"{"result":"error","errors":[102]}"#)
    let subject = dispatcher(directory, transport: transport)
    let entry = try subject.enqueue(Lead(phone: "1"))
    try FileManager.default.removeItem(at: directory.file("history.jsonl"))
    try FileManager.default.createDirectory(
      at: directory.file("history.jsonl"), withIntermediateDirectories: true)

    let report = await subject.deliverReporting(entry)

    #expect(report.outcome.kind == .rejected)
    #expect(report.outcome.errors == [CRMErrorCode(code: 102)])
    #expect(report.attempt == 1)
    #expect(report.historyError != nil)
    #expect(transport.log.requests.count == 1)
  }

  private func recordTypes(_ url: URL) throws -> [String] {
    try Data(contentsOf: url).split(separator: UInt8(ascii: "\n")).map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
      return object?["type"] as? String ?? "?"
    }
  }
}
