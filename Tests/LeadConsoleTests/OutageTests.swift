import Foundation
import LeadCore
import Testing

/// A CRM outage and its end, with the sandbox's fault switched while it runs: leads sent
/// during the outage are kept, and reach the CRM exactly once when `retry` runs after it.
@Suite("outage and recovery")
struct OutageTests {
  static let key = "outage-key-0123456789abcdef"

  @Test func leadsSentDuringAnOutageArriveExactlyOnceAfterIt() async throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let log = folder.file("h.jsonl").path
    let phones = ["+7 912 100-00-01", "+7 912 100-00-02"]

    try await sandbox.setFault("503")
    for phone in phones {
      let sent = try runConsole(
        ["send", "--phone", phone, "--endpoint", sandbox.url, "--log", log],
        environment: environment)
      #expect(sent.status == 3, "\(sent.standardOutput)\(sent.standardError)")
    }
    try await sandbox.setFault("none")

    let retried = try runConsole(
      ["retry", "--rate", "50", "--endpoint", sandbox.url, "--log", log],
      environment: environment)
    #expect(retried.status == 0, "\(retried.standardOutput)\(retried.standardError)")
    let again = try runConsole(
      ["retry", "--endpoint", sandbox.url, "--log", log], environment: environment)
    #expect(again.status == 0)

    let records = try sandbox.records()
    #expect(records.count == 4)
    for phone in phones {
      let arrivals = try (0..<records.count).filter { index in
        try sandbox.fields(ofRecord: index).contains { $0 == ("phone", phone) }
          && (records[index]["answer"] as? String) == #"{"result":"success"}"#
      }
      #expect(arrivals.count == 1, "\(phone) arrived \(arrivals.count) times")
    }
    let history = try runConsole(["history", "--json", "--log", log], environment: environment)
    #expect(history.standardOutput.components(separatedBy: "\"state\":\"accepted\"").count == 3)
  }

  @Test func theControlPathRefusesAnUnknownMode() async throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    await #expect(throws: FaultSwitchError.self) { try await sandbox.setFault("sideways") }
    #expect(try sandbox.records().isEmpty)
  }
}
