import Foundation
import LeadCore
import Testing

@testable import LeadUI

/// 12:00 UTC on 1 May 2024, the day `makeEntry` queues its leads.
let historyNoon = Date(timeIntervalSince1970: 1_714_564_800)

/// A console at 80×24 whose clock reads `historyNoon`, holding `entries` (newest first).
func makeHistoryConsole(_ entries: [HistoryEntry], canSend: Bool = true) -> ConsoleState {
  var state = ConsoleState(
    context: ConsoleContext(
      endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: canSend ? "••••••••cdef" : nil,
      canSend: canSend, timeZone: TimeZone(identifier: "UTC") ?? .current,
      now: { historyNoon }))
  _ = state.handle(.resized(rows: 24, columns: 80))
  _ = state.handle(.historyLoaded(HistorySnapshot(entries: entries)))
  return state
}

/// Leads in every state, with names and phones in the spellings operators use.
let paneEntries: [HistoryEntry] = [
  makeEntry(
    id: "a1", minute: 50,
    lead: Lead(firstName: "Фёдор", lastName: "Ёлкин", phone: "8 912 345-67-89"),
    state: .accepted),
  makeEntry(
    id: "w1", minute: 40, lead: Lead(firstName: "Анна", phone: "+7 (495) 111-22-33"),
    state: .queued),
  makeEntry(
    id: "w2", minute: 35, lead: Lead(firstName: "Олег", email: "Oleg@Example.com"),
    state: .notDelivered),
  makeEntry(
    id: "u1", minute: 30, lead: Lead(firstName: "Пётр", phone: "+7 912 000-11-22"),
    state: .uncertain),
  makeEntry(
    id: "r1", minute: 20, lead: Lead(firstName: "Иван", lastName: "Петров", phone: "+79123456789"),
    state: .rejected,
    outcome: Outcome(
      kind: .rejected, httpStatus: 200, errors: [CRMErrorCode(code: 101)],
      reason: "HTTP 200: the CRM refused the lead")),
  makeEntry(
    id: "d1", minute: 10, lead: Lead(firstName: "Дарья", phone: "89990001122"), state: .done),
]

@Suite("History pane: focus, filters and counts")
struct HistoryPaneFilterTests {
  @Test(
    "F4 and Ctrl-R focus the history; Esc returns to the form",
    arguments: [
      Key.function(4), .control("r"),
    ])
  func openAndClose(key: Key) {
    var console = makeHistoryConsole(paneEntries)
    console.press(key)
    #expect(console.focusArea == .history)
    #expect(console.historyMatches.map(\.id.rawValue) == ["a1", "w1", "w2", "u1", "r1", "d1"])
    console.press(.escape)
    #expect(console.focusArea == .formField)
  }

  @Test("typed letters filter the history instead of going into the form")
  func typingFilters() {
    var console = makeHistoryConsole(paneEntries)
    console.press(.function(4))
    console.type("анн")
    #expect(console.historyMatches.map(\.id.rawValue) == ["w1"])
    #expect(console.value(of: .firstName).isEmpty)
    console.press(.backspace, .backspace, .backspace)
    #expect(console.historyMatches.count == paneEntries.count)
  }

  @Test(
    "Cyrillic names match case-insensitively with е and ё alike",
    arguments: [
      ("федор", ["a1"]), ("ФЁДОР", ["a1"]), ("елкин", ["a1"]), ("Пет", ["u1", "r1"]),
      ("петр", ["u1", "r1"]), ("oleg@", ["w2"]), ("EXAMPLE", ["w2"]), ("никто", []),
    ])
  func cyrillicFilter(query: String, expected: [String]) {
    var console = makeHistoryConsole(paneEntries)
    console.press(.function(4))
    console.type(query)
    #expect(console.historyMatches.map(\.id.rawValue) == expected)
  }

  @Test(
    "phone digits match however the number and the query are written",
    arguments: [
      ("8 912 345", ["a1", "r1"]), ("+7 912 345-67-89", ["a1", "r1"]),
      ("89123456789", ["a1", "r1"]),
      ("912", ["a1", "u1", "r1"]), ("(495) 111", ["w1"]), ("8 999", ["d1"]), ("5555", []),
    ])
  func phoneFilter(query: String, expected: [String]) {
    var console = makeHistoryConsole(paneEntries)
    console.press(.function(4))
    console.type(query)
    #expect(console.historyMatches.map(\.id.rawValue) == expected)
  }

  @Test("F5 and Tab cycle all, waiting, uncertain, rejected, accepted, done and back")
  func stateFilterCycles() {
    var console = makeHistoryConsole(paneEntries)
    console.press(.function(4))
    var seen: [[String]] = []
    for key in [Key.function(5), .tab, .function(5), .tab, .function(5), .tab] {
      console.press(key)
      seen.append(console.historyMatches.map(\.id.rawValue))
    }
    #expect(
      seen == [["w1", "w2"], ["u1"], ["r1"], ["a1"], ["d1"], paneEntries.map(\.id.rawValue)])
  }

  @Test("the header counts today's accepted, waiting, uncertain and rejected leads")
  func headerCounts() throws {
    let yesterday = HistoryEntry(
      id: LeadID(rawValue: "old"), queuedAt: historyNoon.addingTimeInterval(-86_400),
      lead: Lead(firstName: "Старый", phone: "1"), endpoint: "e", method: .post,
      state: .accepted)
    let sending = makeEntry(id: "s1", minute: 55, lead: Lead(phone: "2"), state: .sending)
    var console = makeHistoryConsole([sending] + paneEntries + [yesterday])
    #expect(
      console.todayCounts == HistoryCounts(accepted: 1, waiting: 3, uncertain: 1, rejected: 1))
    console.press(.function(4))
    let screen = console.screen
    let header = try #require(row(containing: "Today:", in: screen))
    #expect(
      screen.text(ofRow: header).contains(
        "Today: 1 accepted · 3 waiting · 1 uncertain · 1 rejected"))
  }

  @Test("Up, Down and the page keys move the selection within the matches")
  func selectionMoves() {
    var console = makeHistoryConsole(paneEntries)
    console.press(.function(4), .down, .down)
    #expect(console.selectedHistoryEntry?.id.rawValue == "w2")
    console.press(.up)
    #expect(console.selectedHistoryEntry?.id.rawValue == "w1")
    console.press(.pageDown)
    #expect(console.selectedHistoryEntry?.id.rawValue == "d1")
    console.press(.pageUp)
    #expect(console.selectedHistoryEntry?.id.rawValue == "a1")
  }
}

@Suite("History row time")
struct HistoryRowTimeTests {
  static let zones = ["UTC", "Europe/Moscow", "Asia/Kolkata", "America/St_Johns", "Europe/Berlin"]

  @Test(
    "the row's HH:mm is the calendar's hour and minute in the console's zone, summer time too",
    arguments: zones)
  func clockTimeAgreesWithTheCalendar(zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    // Across a year, at odd minutes, and just before and after midnight UTC.
    let instants = stride(from: 0.0, to: 366 * 86_400, by: 86_400 * 7 + 3_671).map {
      Date(timeIntervalSince1970: 1_704_067_140 + $0)
    }
    for date in instants {
      let parts = calendar.dateComponents([.hour, .minute], from: date)
      let expected = String(format: "%02d:%02d", parts.hour ?? -1, parts.minute ?? -1)
      #expect(HistoryRow.clockTime(of: date, in: timeZone) == expected, "\(date)")
    }
  }
}
