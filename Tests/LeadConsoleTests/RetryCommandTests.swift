import Foundation
import LeadCore
import Testing

/// `lead-console retry`, the whole process, against `lead-console sandbox` over loopback.
@Suite("retry command")
struct RetryCommandTests {
  static let key = "TESTKEY-0123456789abcdef"

  /// A scratch folder, its history log, and an environment holding the key.
  struct Setting {
    let folder: ScratchFolder
    let log: URL
    let environment: [String: String]

    init() throws {
      folder = try ScratchFolder()
      log = folder.file("h.jsonl")
      environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": key])
    }

    func send(to endpoint: String, extra: [String] = []) throws -> ProcessResult {
      try runConsole(
        ["send", "--phone", "+7 912 345-67-89", "--endpoint", endpoint, "--log", log.path] + extra,
        environment: environment)
    }

    func retry(to endpoint: String, extra: [String] = []) throws -> ProcessResult {
      try runConsole(
        ["retry", "--endpoint", endpoint, "--log", log.path] + extra, environment: environment)
    }

    func entries() -> [HistoryEntry] { HistoryLog(url: log).load().entries }
  }

  private func closedEndpoint() throws -> String {
    "http://127.0.0.1:\(try unusedLoopbackPort())/api/site/"
  }

  @Test func aNotDeliveredLeadReachesTheCRMExactlyOnceAndASecondRetrySendsNothing() throws {
    let setting = try Setting()
    #expect(try setting.send(to: closedEndpoint()).status == 3)
    let sandbox = try SandboxProcess(key: Self.key, recordFile: setting.folder.file("r.jsonl"))

    let first = try setting.retry(to: sandbox.url)
    let second = try setting.retry(to: sandbox.url)

    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput.contains("attempt 2: accepted"))
    #expect(first.standardOutput.contains("retry: 1 sent (1 accepted"))
    #expect(second.status == 0, "\(second.standardError)")
    #expect(second.standardOutput.contains("retry: 0 sent; 0 still not delivered"))
    #expect(try sandbox.records().count == 1)
    #expect(setting.entries().map(\.state) == [.accepted])
  }

  @Test func unlimitedRateDeliversABacklogInGroupsEachLeadExactlyOnce() throws {
    let setting = try Setting()
    let log = HistoryLog(url: setting.log)
    let backlog = 200
    try writeBacklog(setting, count: backlog)
    // One uncertain lead among them, which no retry may send.
    try log.append(
      .queued(
        id: LeadID(rawValue: "0000000fffff"), time: Date(), lead: Lead(phone: "+7 999 999"),
        endpoint: "http://127.0.0.1:9/api/site/", method: .post, operatorName: nil))
    try log.append(.sending(id: LeadID(rawValue: "0000000fffff"), time: Date(), attempt: 1))
    let sandbox = try SandboxProcess(key: Self.key, recordFile: setting.folder.file("r.jsonl"))

    let result = try setting.retry(
      to: sandbox.url, extra: ["--rate", "unlimited", "--connections", "6"])

    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("retry: \(backlog) sent (\(backlog) accepted"))
    let phones = try Self.phones(at: sandbox)
    #expect(phones.count == backlog)
    #expect(Set(phones).count == backlog)
    #expect(!phones.contains("+7 999 999"))
    let states = setting.entries().map(\.state)
    #expect(states.filter { $0 == .accepted }.count == backlog)
    #expect(states.filter { $0 == .uncertain }.count == 1)
  }

  /// Writes `count` leads that failed once (phones `+7 900 N`) into the setting's log.
  private func writeBacklog(_ setting: Setting, count: Int) throws {
    var records: [HistoryRecord] = []
    for number in 0..<count {
      let id = LeadID(rawValue: String(format: "%012x", number + 1))
      let time = Date(timeIntervalSince1970: 1_790_000_000 + Double(number))
      records.append(
        .queued(
          id: id, time: time, lead: Lead(firstName: "Лид \(number)", phone: "+7 900 \(number)"),
          endpoint: "http://127.0.0.1:9/api/site/", method: .post, operatorName: nil))
      records.append(.sending(id: id, time: time, attempt: 1, pid: nil))
      records.append(
        .outcome(
          id: id, time: time, attempt: 1,
          outcome: Outcome(kind: .notDelivered, reason: "not sent: connection refused")))
    }
    try HistoryLog(url: setting.log).append(contentsOf: records)
  }

  @Test func unlimitedRateSendsABacklogOfSeveralGroupsEachLeadOnceOverFewConnections() throws {
    let setting = try Setting()
    // Three groups of up to 256, the last one partial.
    let backlog = 600
    try writeBacklog(setting, count: backlog)
    let sandbox = try SandboxProcess(key: Self.key, recordFile: setting.folder.file("r.jsonl"))

    let result = try setting.retry(
      to: sandbox.url, extra: ["--rate", "unlimited", "--connections", "3"])

    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("retry: \(backlog) sent (\(backlog) accepted"))
    let phones = try Self.phones(at: sandbox)
    #expect(phones.count == backlog)
    #expect(Set(phones) == Set((0..<backlog).map { "+7 900 \($0)" }))
    let entries = setting.entries()
    #expect(entries.allSatisfy { $0.state == .accepted })
    #expect(entries.allSatisfy { $0.attempts.count == 2 })
  }

  @Test func unlimitedRateAgainstARefusingCRMLeavesEveryLeadNotDelivered() throws {
    let setting = try Setting()
    try writeBacklog(setting, count: 300)

    let result = try setting.retry(to: closedEndpoint(), extra: ["--rate", "unlimited"])

    #expect(result.status == 3)
    #expect(
      result.standardOutput.contains("retry: 300 sent (0 accepted, 0 rejected, 300 not delivered"))
    let entries = setting.entries()
    #expect(entries.allSatisfy { $0.state == .notDelivered })
    #expect(entries.allSatisfy { $0.attempts.count == 2 })
  }

  @Test func unlimitedRateAgainstAHangingCRMGivesUpOnEachLeadAtItsDeadlineAsUncertain() throws {
    let setting = try Setting()
    try writeBacklog(setting, count: 4)
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: setting.folder.file("r.jsonl"),
      extraArguments: ["--fault", "hang"])

    let result = try setting.retry(
      to: sandbox.url,
      extra: ["--rate", "unlimited", "--connections", "2", "--timeout", "1"])

    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "retry: 4 sent (0 accepted, 0 rejected, 0 not delivered, 4 uncertain)"))
    #expect(result.standardOutput.contains("no complete answer within 1 s"))
    #expect(try sandbox.records().count == 4)
    #expect(setting.entries().allSatisfy { $0.state == .uncertain })
  }

  @Test func aLeadLeftQueuedByAStoppedProcessIsSentAndOneJustQueuedIsLeftAlone() throws {
    let setting = try Setting()
    let log = HistoryLog(url: setting.log)
    // A process wrote these and stopped before its first request: the CRM has neither.
    let left = LeadID(rawValue: "00000000000a")
    let fresh = LeadID(rawValue: "00000000000b")
    try log.append(contentsOf: [
      .queued(
        id: left, time: Date() - 3_600, lead: Lead(firstName: "Оставленный", phone: "+7 901 1"),
        endpoint: "http://127.0.0.1:9/api/site/", method: .post, operatorName: nil),
      .queued(
        id: fresh, time: Date(), lead: Lead(firstName: "Свежий", phone: "+7 902 2"),
        endpoint: "http://127.0.0.1:9/api/site/", method: .post, operatorName: nil),
    ])
    let sandbox = try SandboxProcess(key: Self.key, recordFile: setting.folder.file("r.jsonl"))

    let first = try setting.retry(to: sandbox.url)
    let second = try setting.retry(to: sandbox.url)

    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput.contains("lead \(left): attempt 1: accepted"))
    #expect(second.standardOutput.contains("retry: 0 sent"))
    let phones = try Self.phones(at: sandbox)
    #expect(phones == ["+7 901 1"])
    let states = Dictionary(uniqueKeysWithValues: setting.entries().map { ($0.id, $0.state) })
    #expect(states == [left: .accepted, fresh: .queued])
  }

  @Test func anUncertainLeadIsNeverResent() throws {
    let setting = try Setting()
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: setting.folder.file("r.jsonl"),
      extraArguments: ["--fault", "hang"])
    #expect(try setting.send(to: sandbox.url, extra: ["--timeout", "1"]).status == 4)
    let receivedBefore = try sandbox.records().count

    let result = try setting.retry(to: sandbox.url, extra: ["--timeout", "1"])

    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("retry: 0 sent"))
    #expect(try sandbox.records().count == receivedBefore)
    #expect(setting.entries().map(\.state) == [.uncertain])
    #expect(setting.entries().first?.attempts.count == 1)
  }

  @Test func aLeadOutOfAttemptsIsNotSentAgainAndExitsThree() throws {
    let setting = try Setting()
    let closed = try closedEndpoint()
    #expect(try setting.send(to: closed).status == 3)

    let second = try setting.retry(to: closed, extra: ["--max-attempts", "2", "--rate", "50"])
    let third = try setting.retry(to: closed, extra: ["--max-attempts", "2", "--rate", "50"])

    #expect(second.status == 3)
    #expect(second.standardOutput.contains("attempt 2: not delivered"))
    #expect(third.status == 3)
    #expect(third.standardOutput.contains("retry: 0 sent; 1 still not delivered (1 out of"))
    #expect(setting.entries().first?.attempts.count == 2)
  }

  @Test func aSecondRetryOnTheSameLogRefusesToRun() throws {
    let setting = try Setting()
    #expect(try setting.send(to: closedEndpoint()).status == 3)
    let held = try #require(try HistoryLock.retrying(setting.log).acquire(waiting: false))
    defer { held.release() }

    let result = try setting.retry(to: closedEndpoint())

    #expect(result.status == 2)
    #expect(result.standardError.contains("another retry is already running"))
    #expect(setting.entries().first?.attempts.count == 1)
  }

  @Test(
    "bad retry options are usage errors",
    arguments: [
      ["--max-attempts", "0"], ["--max-attempts", "two"], ["--rate", "0"], ["--rate", "-1"],
      ["--rate", "inf"], ["--bogus"],
    ])
  func badOptionsExitTwo(extra: [String]) throws {
    let setting = try Setting()
    let result = try setting.retry(to: closedEndpoint(), extra: extra)
    #expect(result.status == 2)
    #expect(result.standardError.contains("retry --help"))
  }

  @Test func helpDescribesTheExitStatuses() throws {
    let setting = try Setting()
    let result = try runConsole(["retry", "--help"], environment: setting.environment)
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("--max-attempts"))
    #expect(result.standardOutput.contains("left queued and never"))
    #expect(result.standardOutput.contains("3  some leads are still not delivered"))
  }

  @Test func twoSendingProcessesAtOnceLeaveEveryRecordIntact() throws {
    let setting = try Setting()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: setting.folder.file("r.jsonl"))
    let perProcess = 50
    // Two shell loops run side by side, each a separate `send` process per lead.
    // Every phone differs, so no lead is refused as a duplicate of another.
    let loop =
      "for i in $(seq -w \(perProcess)); do \"$0\" send --phone \"+7 912 00$3-00-$i\" "
      + "--endpoint \"$1\" --log \"$2\" > /dev/null || exit 1; done"
    let loops = try (0..<2).map { process in
      try ChildProcess(
        ["bash", "-c", loop, BuiltBinary.url.path, sandbox.url, setting.log.path, "\(process)"],
        environment: setting.environment,
        standardError: setting.folder.file("loop-\(process).err"))
    }
    let statuses = loops.map { $0.wait(within: 120) }

    let errors = try (0..<2).map {
      try String(contentsOf: setting.folder.file("loop-\($0).err"), encoding: .utf8)
    }
    #expect(statuses == [0, 0], "\(errors)")
    let snapshot = HistoryLog(url: setting.log).load()
    let lines = try String(contentsOf: setting.log, encoding: .utf8).split(separator: "\n")
    #expect(snapshot.damagedLines.isEmpty)
    #expect(lines.count == 2 * perProcess * 3)
    #expect(snapshot.entries.count == 2 * perProcess)
    #expect(snapshot.entries.allSatisfy { $0.state == .accepted })
  }

  /// The phone of every request the sandbox received, answered or not.
  private static func phones(at sandbox: SandboxProcess) throws -> [String] {
    try (0..<sandbox.records().count).compactMap { index in
      try sandbox.fields(ofRecord: index).first { $0.0 == "phone" }?.1
    }
  }

  @Test func aCRMThatStartsDroppingConnectionsMidBacklogGetsNoLeadTwice() async throws {
    let setting = try Setting()
    let leads = 400
    try writeBacklog(setting, count: leads)
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: setting.folder.file("r.jsonl"),
      extraArguments: ["--fault", "slow=0.01"])
    let retry = try ChildProcess(
      [
        BuiltBinary.url.path, "retry", "--endpoint", sandbox.url, "--log", setting.log.path,
        "--rate", "unlimited", "--connections", "4", "--timeout", "2",
      ],
      environment: setting.environment, standardOutput: setting.folder.file("retry.out"),
      standardError: setting.folder.file("retry.err"))
    #expect(eventually(within: 30) { ((try? sandbox.records().count) ?? 0) >= 40 })
    // Each request now reaches the CRM and loses its connection before any answer.
    try await sandbox.setFault("reset")
    #expect(retry.wait(within: 120) != nil)

    let phones = try Self.phones(at: sandbox)
    #expect(phones.count == Set(phones).count, "\(phones.count - Set(phones).count) sent twice")
    let entries = setting.entries()
    #expect(entries.count == leads)
    #expect(entries.allSatisfy { [.accepted, .uncertain, .notDelivered].contains($0.state) })
    #expect(entries.filter { $0.state == .accepted }.count >= 40)
  }

  @Test func aLogCompactedByAnotherProcessMidPassStillHasEveryLeadSent() async throws {
    let setting = try Setting()
    // Three groups of 256, so at least one is read back after the compaction.
    let leads = 700
    try writeBacklog(setting, count: leads)
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: setting.folder.file("r.jsonl"),
      extraArguments: ["--fault", "slow=0.01"])
    let retry = try ChildProcess(
      [
        BuiltBinary.url.path, "retry", "--endpoint", sandbox.url, "--log", setting.log.path,
        "--rate", "unlimited", "--connections", "2",
      ],
      environment: setting.environment, standardOutput: setting.folder.file("retry.out"),
      standardError: setting.folder.file("retry.err"))
    #expect(eventually(within: 30) { ((try? sandbox.records().count) ?? 0) >= 20 })
    // Another process (a console starting, say) compacts the log under the append lock.
    #expect(try HistoryLog(url: setting.log).compact(maxBytes: 0))
    let status = retry.wait(within: 120)

    let output = (try? String(contentsOf: setting.folder.file("retry.out"), encoding: .utf8)) ?? ""
    #expect(status == 0, "\(output.suffix(300))")
    #expect(output.contains("retry: \(leads) sent (\(leads) accepted"))
    let phones = try Self.phones(at: sandbox)
    #expect(phones.count == leads)
    #expect(Set(phones).count == leads)
    #expect(setting.entries().allSatisfy { $0.state == .accepted })
  }
}
