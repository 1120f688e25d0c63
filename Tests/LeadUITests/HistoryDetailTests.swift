import Foundation
import LeadCore
import Testing

@testable import LeadUI

/// The rejected lead of `paneEntries` with an extra field and two recorded attempts, one of
/// them with a hostile reason.
func detailedEntry() -> HistoryEntry {
  var entry = makeEntry(
    id: "x1", minute: 5,
    lead: Lead(
      firstName: "Иван", lastName: "Петров", phone: "+79123456789", email: "ivan@example.com",
      comment: "перезвонить", extraFields: [ExtraField(code: "UF_CRM_CITY", value: "Пермь")]),
    state: .rejected)
  entry.operatorName = "olga"
  entry.attempts = [
    AttemptRecord(
      number: 1, startedAt: historyNoon, finishedAt: historyNoon.addingTimeInterval(2),
      outcome: Outcome(kind: .notDelivered, reason: "connection refused\u{1B}[2J")),
    AttemptRecord(
      number: 2, startedAt: historyNoon.addingTimeInterval(60),
      finishedAt: historyNoon.addingTimeInterval(61),
      outcome: Outcome(
        kind: .rejected, httpStatus: 200, errors: [CRMErrorCode(code: 101)],
        reason: "HTTP 200: the CRM refused the lead")),
  ]
  return entry
}

/// A console with the detailed entry's detail view open.
func consoleInDetail() -> ConsoleState {
  var console = makeHistoryConsole([detailedEntry()])
  console.press(.function(4), .enter)
  return console
}

@Suite("History pane: detail view and its actions")
struct HistoryDetailTests {
  @Test("Enter opens every field, extra fields and every attempt, controls neutralised")
  func detailContent() {
    let console = consoleInDetail()
    #expect(console.focusArea == .historyDetail)
    let text = (0..<24).map { console.screen.text(ofRow: $0) }.joined(separator: "\n")
    for needle in [
      "Иван", "Петров", "+79123456789", "ivan@example.com", "перезвонить", "UF_CRM_CITY: Пермь",
      "by olga", "#1", "not delivered", "connection refused", "#2", "HTTP 200",
      "CRM error 101: API key is wrong", "2024-05-01 12:01:00",
    ] {
      #expect(text.contains(needle), "missing \(needle)")
    }
    #expect(!text.unicodeScalars.contains("\u{1B}"))
  }

  @Test("a long line wraps onto indented rows, and a purged lead says when it was purged")
  func wrapsAndShowsThePurge() throws {
    var entry = detailedEntry()
    let reason = (1...30).map { "часть\($0)" }.joined(separator: " ")
    entry.attempts[1].outcome?.reason = reason
    entry.purgedAt = historyNoon
    let rows = HistoryDetailPane.rows(
      for: entry, timeZone: TimeZone(identifier: "UTC") ?? .current, language: .russian,
      width: 78)
    #expect(rows.allSatisfy { DisplayWidth.of($0) <= 78 })
    let start = try #require(rows.firstIndex { $0.contains("часть1 ") })
    let joined = rows[start...].joined(separator: " ")
    #expect(
      (1...30).allSatisfy { joined.contains("часть\($0) ") || joined.hasSuffix("часть\($0)") })
    #expect(rows[start + 1].hasPrefix(String(repeating: " ", count: 6)))
    #expect(rows.contains("Личные данные удалены 2024-05-01 12:00:00 (retention_days)"))
  }

  @Test("F2 and Ctrl-S ask to resend the shown lead", arguments: [Key.function(2), .control("s")])
  func resend(key: Key) {
    var console = consoleInDetail()
    #expect(console.press(key) == [.resend(LeadID(rawValue: "x1"))])
  }

  @Test("a lead being sent is not resent, nor any lead without a key")
  func resendRefused() {
    var console = consoleInDetail()
    _ = console.handle(.leadUpdated(id: LeadID(rawValue: "x1"), state: .sending, outcome: nil))
    #expect(console.press(.function(2)).isEmpty)
    var keyless = makeHistoryConsole([detailedEntry()], canSend: false)
    keyless.press(.function(4), .enter)
    #expect(keyless.press(.function(2)).isEmpty)
    #expect(keyless.statusLine.contains("No API key"))
  }

  @Test("a resend is recorded as the next attempt, with its outcome")
  func resendRecordsAttempt() throws {
    var console = consoleInDetail()
    let id = LeadID(rawValue: "x1")
    _ = console.handle(.leadUpdated(id: id, state: .sending, outcome: nil))
    let accepted = Outcome(kind: .accepted, httpStatus: 200, reason: "HTTP 200")
    _ = console.handle(.leadUpdated(id: id, state: .accepted, outcome: accepted))
    let entry = try #require(console.detailEntry)
    #expect(entry.state == .accepted)
    #expect(entry.attempts.map(\.number) == [1, 2, 3])
    #expect(entry.attempts.last?.outcome == accepted)
  }

  @Test("over a lead being typed, the to-form key asks first and keeps it on any other key")
  func copyOverTypingAsks() {
    var console = makeHistoryConsole([detailedEntry()])
    console.type("Текущий")
    console.press(.function(4), .enter)
    #expect(console.press(.function(7)).isEmpty)
    #expect(console.statusLine.hasPrefix("Unsent lead in the form: the same key again replaces"))
    #expect(console.value(of: .firstName) == "Текущий")
    console.press(.down)
    console.press(.function(7))
    #expect(console.value(of: .firstName) == "Текущий")
    console.press(.function(7))
    #expect(console.value(of: .firstName) == "Иван")
    #expect(console.historyBrowser == nil)
  }

  @Test("a resend the log refuses lists no attempt and says why")
  func resendRefusedByTheLog() throws {
    var console = consoleInDetail()
    let id = LeadID(rawValue: "x1")
    let before = try #require(console.detailEntry).attempts
    _ = console.handle(.leadUpdated(id: id, state: .sending, outcome: nil))
    _ = console.handle(.resendRefused(id: id, state: .accepted, refusal: .accepted))
    let entry = try #require(console.detailEntry)
    #expect(entry.state == .accepted)
    #expect(entry.attempts == before)
    #expect(console.statusLine.contains("already accepted"))
  }

  @Test(
    "F7 and Ctrl-Y copy the lead into the form and focus it",
    arguments: [
      Key.function(7), .control("y"),
    ])
  func copyToForm(key: Key) {
    var console = consoleInDetail()
    #expect(console.press(key).isEmpty)
    #expect(console.focusArea == .formField)
    #expect(console.historyBrowser == nil)
    #expect(console.value(of: .firstName) == "Иван")
    #expect(console.value(of: .phone) == "+79123456789")
    #expect(console.value(of: .comment) == "перезвонить")
  }

  @Test(
    "F8 and Ctrl-D ask to mark the lead done; done shows in the list",
    arguments: [
      Key.function(8), .control("d"),
    ])
  func markDone(key: Key) {
    var console = consoleInDetail()
    let id = LeadID(rawValue: "x1")
    #expect(console.press(key) == [.markDone(id)])
    _ = console.handle(.leadUpdated(id: id, state: .done, outcome: nil))
    #expect(console.detailEntry?.state == .done)
    #expect(console.press(key).isEmpty)
    #expect(console.press(.function(2)).isEmpty)
    console.press(.escape)
    #expect(console.focusArea == .history)
    #expect((0..<24).contains { console.screen.text(ofRow: $0).contains("■ done") })
  }

  @Test("Esc goes from the details to the list, then to the form")
  func escapeLevels() {
    var console = consoleInDetail()
    console.press(.escape)
    #expect(console.focusArea == .history)
    console.press(.escape)
    #expect(console.focusArea == .formField)
  }

  @Test("the detail key bar lists its actions")
  func detailKeyBar() {
    let bar = consoleInDetail().screen.text(ofRow: 23)
    for entry in ["F2/^S Resend", "F7/^Y To form", "F8/^D Mark done", "Esc Back"] {
      #expect(bar.contains(entry), "missing \(entry)")
    }
  }
}

@Suite("Quitting with unfinished leads")
struct HistoryQuitTests {
  @Test(
    "waiting or uncertain leads make the quit key ask first, naming both counts",
    arguments: [Key.function(10), .control("q"), .control("c")])
  func quitAsks(key: Key) {
    var console = makeHistoryConsole(paneEntries)
    #expect(console.press(key).isEmpty)
    #expect(
      console.statusLine.hasPrefix(
        "Press the quit key again to leave: 2 waiting leads go out at the next start; 1"
          + " uncertain lead awaits your check"))
    #expect(console.press(key) == [.quit])
  }

  @Test("another key after the warning cancels it")
  func otherKeyCancels() {
    var console = makeHistoryConsole(paneEntries)
    console.press(.function(10), .right)
    #expect(console.press(.function(10)).isEmpty)
  }

  @Test("a lead out of attempts is named apart: it is not resent at the next start")
  func exhaustedNamedApart() throws {
    var stuck = try #require(paneEntries.first { $0.state == .notDelivered })
    stuck.attempts = (1...5).map { AttemptRecord(number: $0) }
    let others = paneEntries.filter { $0.id != stuck.id }
    var console = makeHistoryConsole(others + [stuck])
    console.press(.function(10))
    #expect(console.statusLine.contains("1 lead out of attempts waits for a resend from F4"))
    #expect(console.statusLine.contains("1 waiting lead goes out at the next start"))
  }

  @Test("news that hides the quit question disarms it, so the quit key asks again")
  func newsDisarmsTheQuestion() throws {
    var console = makeHistoryConsole(paneEntries)
    #expect(console.press(.function(10)).isEmpty)
    let id = try #require(paneEntries.first { $0.state == .notDelivered }).id
    let accepted = Outcome(kind: .accepted, httpStatus: 200, reason: "HTTP 200")
    _ = console.handle(.leadUpdated(id: id, state: .accepted, outcome: accepted))
    #expect(!console.statusLine.hasPrefix("Press the quit key again"))
    #expect(console.press(.function(10)).isEmpty)
    #expect(console.statusLine.hasPrefix("Press the quit key again to leave"))
    #expect(console.press(.function(10)) == [.quit])
  }

  @Test("with only accepted, rejected and done leads, quitting is immediate")
  func quitAtOnce() {
    let finished = paneEntries.filter { [.accepted, .rejected, .done].contains($0.state) }
    var console = makeHistoryConsole(finished)
    #expect(console.press(.control("q")) == [.quit])
  }

  @Test("the quit keys work from the history list and the details")
  func quitFromHistory() {
    var console = makeHistoryConsole(paneEntries.filter { $0.state == .accepted })
    console.press(.function(4))
    #expect(console.press(.function(10)) == [.quit])
    var detail = consoleInDetail()
    #expect(detail.press(.control("c")) == [.quit])
  }
}

@Suite("History screens at any size")
struct HistoryScreenSizeTests {
  enum Screen: CaseIterable { case list, filtered, empty, detail }

  func console(_ screen: Screen) -> ConsoleState {
    var console: ConsoleState
    switch screen {
    case .list:
      console = makeHistoryConsole(paneEntries + [detailedEntry()])
      console.press(.function(4))
    case .filtered:
      console = makeHistoryConsole(paneEntries)
      console.press(.function(4))
      console.type(String(repeating: "ёжик ", count: 30))
    case .empty:
      console = makeHistoryConsole([])
      console.press(.function(4))
    case .detail:
      console = consoleInDetail()
    }
    return console
  }

  @Test("every history screen fits 80×24 with the quit key in the bar", arguments: Screen.allCases)
  func fits(screen kind: Screen) {
    let screen = console(kind).screen
    for line in 0..<24 {
      #expect(DisplayWidth.of(screen.text(ofRow: line)) == 80)
    }
    #expect(screen.text(ofRow: 23).contains("F10/^Q/^C Quit"))
  }

  @Test("history screens render at 0×0, 1×1 and 20×5 without trapping", arguments: Screen.allCases)
  func tinySizes(screen kind: Screen) {
    var state = console(kind)
    for (rows, columns) in [(0, 0), (1, 1), (5, 20)] {
      _ = state.handle(.resized(rows: rows, columns: columns))
      let screen = ConsoleRenderer.render(state, rows: rows, columns: columns)
      #expect(screen.rows == rows)
      state.press(.down, .pageDown)
    }
  }
}
