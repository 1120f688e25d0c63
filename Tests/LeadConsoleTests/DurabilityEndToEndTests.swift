import Foundation
import LeadCore
import Testing

/// The built binary killed mid-request, and what the next reader of its history sees.
@Suite("durability end to end")
struct DurabilityEndToEndTests {
  static let key = "TESTKEY-0123456789abcdef"

  @Test func aSendKilledBetweenQueueingAndTheAnswerLeavesTheLeadUncertain() throws {
    let folder = try ScratchFolder()
    let log = folder.file("h.jsonl")
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: folder.file("r.jsonl"), extraArguments: ["--fault", "hang"])
    let sender = try ChildProcess(
      [
        BuiltBinary.url.path, "send", "--phone", "+7 912 345-67-89", "--endpoint", sandbox.url,
        "--log", log.path, "--timeout", "60",
      ], environment: environment)

    let received = try eventually(within: 20) { try sandbox.records().count == 1 }
    let stillRunning = sender.wait(within: 0) == nil
    sender.send(SIGKILL)
    let status = sender.wait(within: 10)

    #expect(received)
    #expect(stillRunning)
    #expect(status == 128 + SIGKILL)
    let history = try runConsole(
      ["history", "--json", "--log", log.path], environment: environment)
    #expect(history.status == 0, "\(history.standardError)")
    #expect(history.standardOutput.contains("\"state\":\"uncertain\""), "\(history.standardOutput)")
    #expect(!history.standardOutput.contains("\"state\":\"accepted\""))
    #expect(history.standardOutput.contains("interrupted"))
    let entries = HistoryLog(url: log).load().entries
    #expect(entries.map(\.state) == [.uncertain])
    #expect(entries.first?.lastOutcome?.reason == HistoryEntry.interruptedReason)
  }
}

/// `lead-console retry` compacting the log it is about to use.
@Suite("retry compaction end to end")
struct RetryCompactionEndToEndTests {
  @Test func retryCompactsALogPastTheLimitAndKeepsEveryAttempt() throws {
    let folder = try ScratchFolder()
    let log = folder.file("h.jsonl")
    let environment = isolatedEnvironment(
      in: folder, extra: ["GENTLEMAN_API_KEY": DurabilityEndToEndTests.key])
    let closed = "http://127.0.0.1:\(try unusedLoopbackPort())/api/site/"
    let sent = try runConsole(
      ["send", "--phone", "+7 912 345-67-89", "--endpoint", closed, "--log", log.path],
      environment: environment)
    let before = HistoryLog(url: log).load().entries

    let retry = try runConsole(
      ["retry", "--endpoint", closed, "--log", log.path, "--compact-over", "1", "--rate", "50"],
      environment: environment)
    let text = try String(contentsOf: log, encoding: .utf8)
    let after = HistoryLog(url: log).load().entries

    #expect(sent.status == 3)
    #expect(retry.status == 3, "\(retry.standardError)")
    #expect(text.split(separator: "\n").first?.contains(#""type":"compacted""#) == true)
    #expect(text.split(separator: "\n").count == 3)
    #expect(after.first?.attempts.map(\.number) == [1, 2])
    #expect(after.first?.attempts.first == before.first?.attempts.first)
    #expect(after.map(\.state) == [.notDelivered])
  }
}
