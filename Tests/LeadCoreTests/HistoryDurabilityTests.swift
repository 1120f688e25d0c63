import Foundation
import LeadSandbox
import Testing

@testable import LeadCore

@Suite("History durability: done, claims and interrupted attempts")
struct HistoryDurabilityTests {
  private let start = Date(timeIntervalSince1970: 1_714_557_600)

  private func queued(_ id: String) -> HistoryRecord {
    .queued(
      id: LeadID(rawValue: id), time: start, lead: Lead(firstName: "Ёжик", phone: "+7 999"),
      endpoint: "http://127.0.0.1:1/api/site/", method: .post, operatorName: "Мария")
  }

  private func outcome(_ kind: OutcomeKind, errors: [Int] = []) -> Outcome {
    Outcome(
      kind: kind, httpStatus: 200, errors: errors.map { CRMErrorCode(code: $0) }, reason: "r")
  }

  private func lines(_ records: [HistoryRecord]) throws -> [ArraySlice<UInt8>] {
    try records.map { ArraySlice(try $0.jsonLine()) }
  }

  @Test func aDoneRecordIsTheFinalStateAndSaysWhoAndWhen() throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    let id = LeadID(rawValue: "d1")
    try log.append(queued("d1"))
    try log.append(.sending(id: id, time: start + 1, attempt: 1, pid: getpid()))
    try log.append(.outcome(id: id, time: start + 2, attempt: 1, outcome: outcome(.uncertain)))
    try log.append(.done(id: id, time: start + 3, by: "Пётр"))
    try log.append(.outcome(id: id, time: start + 4, attempt: 1, outcome: outcome(.accepted)))

    let entry = try #require(log.load().entries.first)

    #expect(entry.state == .done)
    #expect(entry.doneBy == "Пётр")
    #expect(entry.doneAt == start + 3)
    #expect(log.load().damagedLines.isEmpty)
  }

  @Test func markDoneAppendsTheRecordForTheOperator() async throws {
    let directory = try TemporaryDirectory()
    let transport = FakeTransport(status: 200, body: "<html>")
    let subject = dispatcher(directory, transport: transport)
    let entry = try subject.enqueue(Lead(phone: "+7 999"))
    _ = await subject.deliver(entry)

    try subject.markDone(entry.id, by: "Мария")
    let loaded = try #require(subject.log.load().entries.first)

    #expect(loaded.state == .done)
    #expect(loaded.doneBy == "Мария")
  }

  @Test("falls back to the login name when no operator is configured", arguments: [nil, "", "  "])
  func operatorFallsBackToLoginName(configured: String?) throws {
    let directory = try TemporaryDirectory()
    let subject = LeadDispatcher(
      log: HistoryLog(url: directory.file("h.jsonl")),
      client: CRMClient(
        endpoint: "http://127.0.0.1:1/", key: APIKey("k"),
        transport: FakeTransport(status: 200, body: "")),
      operatorName: configured)

    #expect(subject.operatorName == OperatorName.login())
    #expect(subject.operatorName?.isEmpty == false)
  }

  @Test(
    "refuses a lead whose state is not sendable",
    arguments: [
      (LeadState.accepted, [Int](), false, DeliveryRefusal?.some(.accepted)),
      (.done, [], false, .done),
      (.rejected, [102], false, .rejected(codes: [102])),
      (.rejected, [100, 102], false, .rejected(codes: [100, 102])),
      (.rejected, [100], false, nil),
      (.rejected, [101], false, nil),
      (.uncertain, [], false, .uncertain),
      (.uncertain, [], true, nil),
      (.notDelivered, [], false, nil),
      (.queued, [], false, nil),
      (.sending, [], true, .inFlight(pid: 42)),
    ])
  func refusal(state: LeadState, codes: [Int], resendUncertain: Bool, expected: DeliveryRefusal?) {
    var entry = HistoryEntry(
      id: LeadID(rawValue: "x"), queuedAt: start, lead: Lead(phone: "1"), endpoint: "e",
      method: .post, state: state, lastOutcome: outcome(.rejected, errors: codes))
    entry.sendingPID = 42

    #expect(DeliveryRefusal.reason(for: entry, resendUncertain: resendUncertain) == expected)
  }

  @Test func aRefusedDeliverySendsNothingAndWritesNothing() async throws {
    let directory = try TemporaryDirectory()
    let transport = FakeTransport(status: 200, body: #"{"result":"success"}"#)
    let subject = dispatcher(directory, transport: transport)
    let entry = try subject.enqueue(Lead(phone: "+7 999"))
    _ = await subject.deliver(entry)
    let before = try Data(contentsOf: subject.log.url)

    let report = await subject.deliverReporting(entry)

    #expect(report.refusal == .accepted)
    #expect(report.outcome.kind == .accepted)
    #expect(transport.log.requests.count == 1)
    #expect(try Data(contentsOf: subject.log.url) == before)
  }

  @Test func concurrentDeliveriesOfOneLeadReachTheCRMOnce() async throws {
    let sandbox = try SandboxFixture()
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    let id = LeadID(rawValue: "race1")
    let log = HistoryLog(url: url)
    try log.append(queued("race1"))
    try log.append(.sending(id: id, time: start + 1, attempt: 1, pid: getpid()))
    try log.append(.outcome(id: id, time: start + 2, attempt: 1, outcome: outcome(.notDelivered)))
    let entry = try #require(log.load().entries.first)

    // Each racer has its own log object, so only the lock file keeps them apart, as between
    // two processes.
    let reports = await withTaskGroup(of: DeliveryReport.self) { group in
      for _ in 0..<6 {
        group.addTask {
          let client = CRMClient(
            endpoint: sandbox.endpoint, key: APIKey(SandboxFixture.key),
            timeouts: Timeouts(connect: 1, total: 5), transport: CurlTransport())
          let racer = LeadDispatcher(log: HistoryLog(url: url), client: client, operatorName: "a")
          return await racer.deliverReporting(entry)
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }

    #expect(sandbox.server.records.count == 1)
    #expect(reports.filter { $0.refusal == nil }.count == 1)
    #expect(log.load().entries.first?.state == .accepted)
    #expect(log.load().entries.first?.attempts.map(\.number) == [1, 2])
  }

  @Test func aLeadLeftSendingByAGoneProcessIsUncertain() throws {
    let records = [
      queued("gone"), .sending(id: LeadID(rawValue: "gone"), time: start, attempt: 1, pid: 7),
      queued("live"), .sending(id: LeadID(rawValue: "live"), time: start, attempt: 1, pid: 8),
      queued("old"), .sending(id: LeadID(rawValue: "old"), time: start, attempt: 1),
    ]

    let snapshot = HistorySnapshot.fold(lines: try lines(records), isAlive: { $0 == 8 })
    let states = Dictionary(uniqueKeysWithValues: snapshot.entries.map { ($0.id.rawValue, $0) })

    #expect(states["gone"]?.state == .uncertain)
    #expect(states["gone"]?.lastOutcome?.reason == HistoryEntry.interruptedReason)
    #expect(states["live"]?.state == .sending)
    #expect(states["old"]?.state == .uncertain)
  }

  @Test func livenessTellsThisProcessFromAReapedChild() throws {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()

    #expect(ProcessLiveness.isAlive(getpid()))
    #expect(!ProcessLiveness.isAlive(child.processIdentifier))
  }

  private func dispatcher(_ directory: TemporaryDirectory, transport: FakeTransport)
    -> LeadDispatcher
  {
    let client = CRMClient(
      endpoint: "http://127.0.0.1:8080/api/site/", key: APIKey("TESTKEY-0123456789abcdef"),
      transport: transport)
    return LeadDispatcher(
      log: HistoryLog(url: directory.file("history.jsonl")), client: client,
      operatorName: "Мария")
  }
}
