import Foundation
import LeadCore
import Testing

/// A running console sends a not-delivered lead again on its own once the CRM is back, and
/// the lead reaches the CRM exactly once.
@Suite("automatic resend in the console")
struct AutoResendEndToEndTests {
  static let key = "autoresend-key-0123456789abcdef"

  /// How many recorded requests carry the phone and were answered with success.
  private func acceptedArrivals(of phone: String, at sandbox: SandboxProcess) throws -> Int {
    let records = try sandbox.records()
    return try (0..<records.count).filter { index in
      try sandbox.fields(ofRecord: index).contains { $0 == ("phone", phone) }
        && (records[index]["answer"] as? String) == #"{"result":"success"}"#
    }.count
  }

  @Test func aLeadNotDeliveredDuringAnOutageIsAcceptedOnceAfterIt() async throws {
    let console = try ConsoleInTerminal(key: Self.key, sandboxArguments: ["--fault", "503"])
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    let phone = "+7 912 400-00-01"
    try console.start()
    try terminal.waitFor("First name")
    try terminal.press("Tab", "Tab")
    try terminal.type(phone)
    try terminal.press("F2")
    try terminal.waitFor("not delivered")
    #expect(try acceptedArrivals(of: phone, at: sandbox) == 0)

    try await sandbox.setFault("none")
    let arrived = try eventually(within: 30) { try acceptedArrivals(of: phone, at: sandbox) > 0 }
    #expect(arrived, "the lead never reached the CRM:\n\((try? terminal.screen()) ?? "")")
    try terminal.waitFor("accepted")
    #expect(try acceptedArrivals(of: phone, at: sandbox) == 1)
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }

  @Test func anUncertainLeadIsSentAgainOnlyWhenTheOperatorAsksFromTheHistory() async throws {
    let console = try ConsoleInTerminal(key: Self.key, sandboxArguments: ["--fault", "hang"])
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    let phone = "+7 912 400-00-02"
    try console.start(["--timeout", "1"])
    try terminal.waitFor("First name")
    try terminal.press("Tab", "Tab")
    try terminal.type(phone)
    try terminal.press("F2")
    try terminal.waitFor("uncertain")
    try await sandbox.setFault("none")

    try terminal.press("F4")
    try terminal.waitFor("History")
    try terminal.press("Enter")
    try terminal.waitFor("Esc returns to the list")
    try terminal.press("F2")
    try terminal.waitFor("accepted")

    #expect(try acceptedArrivals(of: phone, at: sandbox) == 1)
    let lead = try #require(HistoryLog(url: console.log).load().entries.first)
    #expect(lead.state == .accepted)
    #expect(lead.attempts.map(\.outcome?.kind) == [.uncertain, .accepted])
    let screen = try terminal.screen()
    #expect(!screen.contains("not sent again"), "\(screen)")
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }

  @Test func theBuiltInSandboxNeverTakesALeadQueuedForARealCRM() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    let log = HistoryLog(url: console.log)
    let failed = Outcome(kind: .notDelivered, httpStatus: 503, reason: "HTTP 503")
    let queued = Date() - 600
    // Never contacted: the address is only what the log says the lead was meant for.
    let leads = [
      ("0000000000c1", "https://crm.example.ru/api/site/", "+7 912 400-00-03"),
      ("0000000000c2", "http://127.0.0.1:9/api/site/", "+7 912 400-00-04"),
    ]
    for (id, endpoint, phone) in leads {
      try log.append(contentsOf: [
        .queued(
          id: LeadID(rawValue: id), time: queued, lead: Lead(phone: phone), endpoint: endpoint,
          method: .post, operatorName: nil),
        .sending(id: LeadID(rawValue: id), time: queued, attempt: 1, pid: nil),
        .outcome(id: LeadID(rawValue: id), time: queued, attempt: 1, outcome: failed),
      ])
    }
    try console.start(["--sandbox"])
    try terminal.waitFor("First name")

    let states = {
      Dictionary(uniqueKeysWithValues: log.load().entries.map { ($0.id.rawValue, $0) })
    }
    let loopbackSent = eventually(within: 30) { states()["0000000000c2"]?.state == .accepted }
    #expect(loopbackSent, "\((try? terminal.screen()) ?? "")")
    try terminal.press("F4")
    try terminal.waitFor("+7 912 400-00-03")
    try terminal.type("400-00-03")
    try terminal.press("Enter")
    try terminal.waitFor("Esc returns to the list")
    try terminal.press("F2")
    try terminal.waitFor("queued for https://crm.example.ru")

    let real = try #require(states()["0000000000c1"])
    #expect(real.state == .notDelivered)
    #expect(real.attempts.count == 1)
    let record = console.folder.file("state/gentleman-lead-console/sandbox-requests.jsonl")
    let received = (try? String(contentsOf: record, encoding: .utf8)) ?? ""
    #expect(received.contains("400-00-04"))
    #expect(!received.contains("400-00-03"))
    try terminal.press("F10")
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }
}
