import Foundation
import LeadCore
import LeadUI
import Testing

@Suite("Resending leads refused for the key after new settings")
struct KeyResendTests {
  private static func refusal(_ codes: [Int]) -> Outcome {
    Outcome(
      kind: .rejected, httpStatus: 200, errors: codes.map { CRMErrorCode(code: $0) }, reason: "")
  }

  private static let applied = AppliedSettings(
    endpoint: "http://127.0.0.1:9090/api/site/", maskedKey: "••••••••wxyz", savedTo: nil)

  /// A console whose history holds two leads refused for the key, one refused for its phone,
  /// one uncertain and one accepted.
  private func consoleWithRefusals() -> ConsoleState {
    var console = makeConsole()
    _ = console.handle(
      .historyLoaded(
        HistorySnapshot(entries: [
          makeEntry(
            id: "key-a", minute: 5, lead: ivan, state: .rejected, outcome: Self.refusal([101])),
          makeEntry(
            id: "key-b", minute: 4, lead: Lead(phone: "+7 912 000-00-02"), state: .rejected,
            outcome: Self.refusal([100, 101])),
          makeEntry(
            id: "phone", minute: 3, lead: Lead(phone: "+7 912 000-00-03"), state: .rejected,
            outcome: Self.refusal([101, 102])),
          makeEntry(
            id: "unsure", minute: 2, lead: Lead(phone: "+7 912 000-00-04"), state: .uncertain,
            outcome: Outcome(kind: .uncertain, reason: "timed out")),
          makeEntry(
            id: "done", minute: 1, lead: Lead(phone: "+7 912 000-00-05"), state: .accepted,
            outcome: Outcome(kind: .accepted, httpStatus: 200, reason: "")),
        ])))
    return console
  }

  @Test func newSettingsAskOnceAndF2ResendsOnlyTheKeyRefusals() {
    var console = consoleWithRefusals()
    console.press(.function(9))
    _ = console.handle(.settingsApplied(Self.applied))

    let screen = console.screen
    let question = "2 leads refused for the key: F2 resends them all with the new key"
    #expect(row(containing: question, in: screen) != nil)
    #expect(console.statusLine.hasPrefix(question))

    let effects = console.press(.function(2))
    #expect(effects == [.resend(LeadID(rawValue: "key-a")), .resend(LeadID(rawValue: "key-b"))])
    #expect(console.statusLine.contains("Resending 2 leads"))
    #expect(console.press(.function(2)) != effects)
  }

  @Test func anyOtherKeyLeavesThemAndDoesItsUsualWork() {
    var console = consoleWithRefusals()
    _ = console.handle(.settingsApplied(Self.applied))
    #expect(console.pendingKeyResend.count == 2)

    let effects = console.press(.character("A"))
    #expect(effects.isEmpty)
    #expect(console.pendingKeyResend.isEmpty)
    #expect(console.value(of: .firstName) == "A")
    #expect(!console.press(.function(2)).contains(.resend(LeadID(rawValue: "key-a"))))
  }

  @Test func newsThatReplacesTheQuestionWithdrawsIt() {
    var console = consoleWithRefusals()
    _ = console.handle(.settingsApplied(Self.applied))
    _ = console.handle(.notice("The history log missed this attempt"))
    #expect(console.pendingKeyResend.isEmpty)
    #expect(!console.press(.function(2)).contains(.resend(LeadID(rawValue: "key-b"))))
  }

  @Test func withoutKeyRefusalsNothingIsAsked() {
    var console = makeConsole()
    _ = console.handle(.settingsApplied(Self.applied))
    #expect(console.pendingKeyResend.isEmpty)
    #expect(console.statusLine.hasPrefix("Sandbox: key"))
  }
}
