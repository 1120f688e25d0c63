import Foundation
import LeadCore
import LeadUI
import Testing

@Suite("ConsoleState duplicate warning")
struct DuplicateWarningTests {
  /// 1 May 2024, 12:00 UTC: an hour and a bit after `makeEntry`'s 10:42.
  static let noon = Date(timeIntervalSince1970: 1_714_557_600 + 2 * 3600)

  /// An 80×24 console in UTC whose clock reads `now`, with `entries` in its history.
  private func console(
    at now: Date = noon, history entries: [HistoryEntry] = []
  ) -> ConsoleState {
    var state = ConsoleState(
      context: ConsoleContext(
        endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: "••••••••cdef", canSend: true,
        timeZone: TimeZone(identifier: "UTC") ?? .current, now: { now }))
    _ = state.handle(.resized(rows: 24, columns: 80))
    _ = state.handle(.historyLoaded(HistorySnapshot(entries: entries)))
    return state
  }

  private let acceptedIvan = makeEntry(id: "a1", minute: 42, lead: ivan, state: .accepted)

  @Test("F2 on a lead with a recent phone in another form warns, names the lead, sends nothing")
  func samePhoneWarnsAndHoldsTheLead() throws {
    var console = console(history: [acceptedIvan])
    console.fillForm([.firstName: "Пётр", .phone: "8 912 345-67-89"])

    let effects = console.press(.function(2))

    #expect(effects.isEmpty)
    #expect(console.value(of: .phone) == "8 912 345-67-89")
    #expect(console.value(of: .firstName) == "Пётр")
    #expect(console.pendingDuplicate != nil)
    let status = console.screen.text(ofRow: 22)
    #expect(status.contains("Same phone as Иван Петров, 10:42, accepted"))
    #expect(status.contains("F2: send, other key: back"))
    #expect(console.screen[22, 1].role == .warning)
  }

  @Test("a lead of the last day far back in a large log is found through the index")
  func leadsBeyondThoseHeldInFullCount() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("duplicates-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = HistoryLog(url: folder.appendingPathComponent("history.jsonl"))
    try log.append(
      .queued(
        id: acceptedIvan.id, time: acceptedIvan.queuedAt, lead: ivan,
        endpoint: acceptedIvan.endpoint, method: .post, operatorName: nil))
    try log.append(
      .outcome(
        id: acceptedIvan.id, time: acceptedIvan.queuedAt, attempt: 1,
        outcome: Outcome(kind: .accepted, httpStatus: 200, errors: [], reason: "HTTP 200")))
    var console = console()
    _ = console.handle(.historyIndexed(HistoryIndex.build(url: log.url), open: []))
    #expect(console.history.isEmpty)
    console.fillForm([.phone: "+7 (912) 345-67-89"])

    let effects = console.press(.function(2))

    #expect(effects.isEmpty)
    #expect(console.screen.text(ofRow: 22).contains("Same phone as Иван Петров, 10:42, accepted"))
  }

  @Test("F2 again sends the held lead and clears the form")
  func secondF2SendsAnyway() {
    var console = console(history: [acceptedIvan])
    console.fillForm([.phone: "8 912 345-67-89"])
    console.press(.function(2))

    let effects = console.press(.control("s"))

    #expect(effects == [.submit(Lead(phone: "8 912 345-67-89"))])
    #expect(console.value(of: .phone).isEmpty)
    #expect(console.pendingDuplicate == nil)
  }

  @Test("any other key goes back to the form, and the next F2 warns again")
  func otherKeyCancels() {
    var console = console(history: [acceptedIvan])
    console.fillForm([.phone: "8 912 345-67-89"])
    console.press(.function(2))

    console.press(.tab)

    #expect(console.pendingDuplicate == nil)
    #expect(console.statusLine.hasPrefix("Not sent"))
    #expect(console.value(of: .phone) == "8 912 345-67-89")
    #expect(console.press(.function(2)).isEmpty)
    #expect(console.statusLine.hasPrefix("Same phone"))
  }

  @Test("an outcome that replaces the warning cancels it, so F2 warns again")
  func newsOnTheStatusLineCancels() {
    var console = console(history: [acceptedIvan])
    console.fillForm([.phone: "8 912 345-67-89"])
    console.press(.function(2))

    let accepted = Outcome(kind: .accepted, httpStatus: 200, reason: "")
    _ = console.handle(
      .leadUpdated(id: LeadID(rawValue: "a1"), state: .accepted, outcome: accepted))

    #expect(console.pendingDuplicate == nil)
    #expect(console.press(.function(2)).isEmpty)
    #expect(console.statusLine.hasPrefix("Same phone"))
  }

  @Test("the same e-mail in another case warns, naming the e-mail when there is no name")
  func sameEmailWarns() {
    let earlier = makeEntry(
      id: "a2", minute: 5, lead: Lead(email: "ivan@example.ru"), state: .uncertain)
    var console = console(history: [earlier])
    console.fillForm([.email: "Ivan@Example.RU"])

    #expect(console.press(.function(2)).isEmpty)
    #expect(console.statusLine.hasPrefix("Same e-mail as ivan@example.ru, 10:05, uncertain."))
  }

  @Test("a lead from the day before, within 24 hours, shows its date")
  func previousDaysLeadShowsItsDate() {
    let nextMorning = Self.noon.addingTimeInterval(20 * 3600)
    var console = console(at: nextMorning, history: [acceptedIvan])
    console.fillForm([.phone: "+79123456789"])

    #expect(console.press(.function(2)).isEmpty)
    #expect(
      console.statusLine.contains("Same phone as Иван Петров, 01.05 10:42, accepted. F2: send"))
  }

  @Test("a lead queued more than 24 hours ago, or another number, is sent at once")
  func oldOrDifferentLeadIsSent() {
    let dayLater = Self.noon.addingTimeInterval(24 * 3600)
    var old = console(at: dayLater, history: [acceptedIvan])
    old.fillForm([.phone: "8 912 345-67-89"])
    var other = console(history: [acceptedIvan])
    other.fillForm([.phone: "8 912 345-67-80"])

    #expect(old.press(.function(2)) == [.submit(Lead(phone: "8 912 345-67-89"))])
    #expect(other.press(.function(2)) == [.submit(Lead(phone: "8 912 345-67-80"))])
  }

  @Test("a lead this console just queued counts as an earlier one")
  func justQueuedLeadCounts() {
    var console = console()
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.press(.function(2))
    let queued = HistoryEntry(
      id: LeadID(rawValue: "b1"), queuedAt: Self.noon, lead: Lead(phone: "+7 912 345-67-89"),
      endpoint: "http://127.0.0.1:8080/api/site/", method: .post)
    _ = console.handle(.leadQueued(queued))

    console.fillForm([.phone: "89123456789"])

    #expect(console.press(.function(2)).isEmpty)
    #expect(console.statusLine.hasPrefix("Same phone as +7 912 345-67-89, 12:00, queued."))
  }

  @Test("a long name gives way so the choice stays on an 80-column status line")
  func longNameIsShortened() {
    let long = Lead(
      firstName: "Константин-Александр", lastName: "Римский-Корсаков-Преображенский",
      phone: "+7 912 345-67-89")
    var console = console(history: [makeEntry(id: "a3", minute: 42, lead: long)])
    console.fillForm([.phone: "89123456789"])
    console.press(.function(2))

    let status = console.screen.text(ofRow: 22)

    #expect(status.contains("Same phone as Константин"))
    #expect(status.contains("…, 10:42, queued. F2: send, other key: back"))
  }
}
