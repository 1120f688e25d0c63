import Foundation
import LeadCore
import LeadUI
import Testing

@Suite("ConsoleState delivery")
struct ConsoleDeliveryTests {
  /// A console showing Иван's lead queued and being sent.
  private func sendingIvan() -> ConsoleState {
    var console = makeConsole()
    _ = console.handle(.leadQueued(makeEntry(id: "a1", minute: 5, lead: ivan)))
    _ = console.handle(.leadUpdated(id: LeadID(rawValue: "a1"), state: .sending, outcome: nil))
    return console
  }

  @Test func everyLeadSentByGETWarnsThatTheKeyIsInTheURL() {
    var console = makeConsole()
    _ = console.handle(.leadQueued(makeEntry(id: "g1", minute: 5, lead: ivan, method: .get)))
    _ = console.handle(.leadUpdated(id: LeadID(rawValue: "g1"), state: .sending, outcome: nil))

    #expect(console.statusLine.contains("API key travels in the URL"))
    #expect(console.status.role == .warning)

    _ = console.handle(.leadQueued(makeEntry(id: "p1", minute: 6, lead: ivan)))
    _ = console.handle(.leadUpdated(id: LeadID(rawValue: "p1"), state: .sending, outcome: nil))
    #expect(!console.statusLine.contains("URL"))
  }

  @Test(
    "the status line names the lead and words each outcome",
    arguments: [
      (
        Outcome(kind: .accepted, httpStatus: 200, reason: "HTTP 200"), StyleRole.ok,
        "Иван Петров (+7 912 345-67-89): accepted"
      ),
      (
        Outcome(kind: .rejected, httpStatus: 200, errors: [CRMErrorCode(code: 101)], reason: ""),
        .error, "Иван Петров (+7 912 345-67-89): rejected — 101 API key is wrong"
      ),
      (
        Outcome(
          kind: .rejected, errors: [CRMErrorCode(code: 100), CRMErrorCode(code: 777)],
          reason: ""), .error,
        "Иван Петров (+7 912 345-67-89): rejected — 100 API key is empty, 777 API error 777"
      ),
      (
        Outcome(kind: .notDelivered, reason: "connection refused"), .warning,
        "Иван Петров (+7 912 345-67-89): not delivered — connection refused, will stay queued"
      ),
      (
        Outcome(kind: .uncertain, httpStatus: 502, reason: "HTTP 502: <html>Bad gateway"),
        .warning,
        "Иван Петров (+7 912 345-67-89): uncertain — HTTP 502: <html>Bad gateway;"
          + " check the CRM before resending"
      ),
    ])
  func statusAfterOutcome(outcome: Outcome, role: StyleRole, expected: String) {
    var console = sendingIvan()
    #expect(console.statusLine.contains("sending"))
    let state = LeadState(outcome.kind)
    _ = console.handle(.leadUpdated(id: LeadID(rawValue: "a1"), state: state, outcome: outcome))

    #expect(console.statusLine == expected)
    #expect(console.status.role == role)
    #expect(console.history.first?.state == state)
    #expect(console.history.first?.lastOutcome == outcome)
    #expect(console.historyRows.first?.word == HistoryRow.word(for: state))
  }

  @Test("the history pane lists newest first, with time, state, contact and name")
  func historyOrder() throws {
    var console = makeConsole()
    let older = makeEntry(
      id: "b1", minute: 1, lead: Lead(firstName: "Анна", email: "anna@почта.рф"),
      state: .accepted)
    let middle = makeEntry(id: "b2", minute: 7, lead: ivan, state: .rejected)
    _ = console.handle(.historyLoaded(HistorySnapshot(entries: [middle, older])))
    _ = console.handle(.leadQueued(makeEntry(id: "b3", minute: 42, lead: Lead(phone: "112"))))

    let rows = console.historyRows
    #expect(rows.map(\.time) == ["10:42", "10:07", "10:01"])
    #expect(rows.map(\.word) == ["queued", "rejected", "accepted"])
    #expect(rows.map(\.contact) == ["112", "+7 912 345-67-89", "anna@почта.рф"])
    #expect(rows.map(\.name) == ["", "Иван Петров", "Анна"])

    let screen = console.screen
    let newest = try #require(row(containing: "10:42", in: screen))
    let oldest = try #require(row(containing: "10:01", in: screen))
    #expect(newest < oldest)
    #expect(screen.text(ofRow: oldest).contains("✓ accepted"))
    #expect(screen.text(ofRow: oldest).contains("anna@почта.рф"))
  }

  @Test("entries queued before the log finished loading stay on top")
  func lateHistoryLoadKeepsNewEntries() {
    var console = makeConsole()
    _ = console.handle(.leadQueued(makeEntry(id: "new", minute: 30, lead: ivan)))
    let old = makeEntry(id: "old", minute: 2, lead: Lead(phone: "1"), state: .accepted)
    _ = console.handle(.historyLoaded(HistorySnapshot(entries: [old], damagedLines: [3])))
    #expect(console.history.map(\.id.rawValue) == ["new", "old"])
    #expect(console.statusLine.contains("1 damaged line"))
    #expect(console.screen.text.contains("1 damaged line"))
  }

  @Test("network text with escape sequences is shown harmless")
  func hostileReasonIsNeutralised() {
    var console = sendingIvan()
    let hostile = Outcome(
      kind: .uncertain, httpStatus: 500, reason: "oops\u{1B}[2J\u{1B}]0;x\u{07}")
    _ = console.handle(
      .leadUpdated(id: LeadID(rawValue: "a1"), state: .uncertain, outcome: hostile))
    _ = console.handle(.notice("proxy says \u{9B}31m hi\r\n"))
    _ = console.handle(
      .leadUpdated(id: LeadID(rawValue: "a1"), state: .uncertain, outcome: hostile))

    #expect(console.statusLine.contains("^[[2J"))
    let screen = console.screen
    for cell in screen.cells {
      #expect(!cell.grapheme.unicodeScalars.contains(where: TerminalText.isControl))
    }
    #expect(!screen.text.contains("\u{1B}"))
    // The message takes the two status rows; the neutralised reason is on the first.
    #expect(screen.text(ofRow: 21).contains("oops^[[2J"))
  }

  @Test("a notice shows on the status line, made one line")
  func noticeShows() {
    var console = makeConsole()
    _ = console.handle(.notice("GET mode:\nthe key is in the URL"))
    #expect(console.statusLine == "GET mode: the key is in the URL")
  }

  @Test("start-up notices are on the status line from the first frame")
  func startupNotices() {
    let console = makeConsole(notices: ["LANG=C: non-ASCII text may be lost"])
    #expect(console.statusLine.contains("LANG=C"))
    #expect(console.screen.text(ofRow: 22).contains("LANG=C"))
  }
}
