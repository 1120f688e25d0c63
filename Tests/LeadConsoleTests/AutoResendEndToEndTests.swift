import Foundation
import LeadCore
import Testing

/// A running console sends a not-delivered lead again on its own once the CRM is back, and
/// the lead reaches the CRM exactly once.
@Suite("automatic resend in the console")
struct AutoResendEndToEndTests {
  static let key = "autoresend-key-0123456789abcdef"

  struct FaultSwitchError: Error {
    var message: String
  }

  /// Switches a running sandbox's fault through its control path.
  private func setFault(_ mode: String, on sandbox: SandboxProcess) async throws {
    let control = sandbox.url.replacingOccurrences(of: "/api/site/", with: "/sandbox/fault")
    let result = await CurlTransport().perform(
      HTTPRequest(method: .post, url: control, body: Array("mode=\(mode)".utf8)),
      timeouts: Timeouts(connect: 2, total: 5))
    guard case .answered(let status, _, _, _) = result, status == 200 else {
      throw FaultSwitchError(message: "the sandbox refused mode \(mode): \(result)")
    }
  }

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

    try await setFault("none", on: sandbox)
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
    try await setFault("none", on: sandbox)

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
}
