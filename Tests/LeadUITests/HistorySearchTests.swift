import Foundation
import LeadCore
import Testing

@testable import LeadUI

/// The history filter's rules written out plainly, lead by lead: what the index's search over
/// every lead's folded text at once must agree with.
private enum PlainMatch {
  static func folded(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "ё", with: "е")
  }

  static func matches(_ lead: Lead, filter: String) -> Bool {
    let query = folded(filter.trimmingCharacters(in: .whitespaces))
    guard !query.isEmpty else { return true }
    let name = folded("\(lead.firstName) \(lead.lastName)")
    let reversed = folded("\(lead.lastName) \(lead.firstName)")
    if name.contains(query) || reversed.contains(query) { return true }
    if folded(lead.email).contains(query) { return true }
    // A phone matches by its digits; a query of phone punctuation alone (`+`, `(`) is the
    // start of a number, and every lead with a phone stays listed.
    let phoneLike = query.unicodeScalars.allSatisfy {
      " +-()0123456789".unicodeScalars.contains($0)
    }
    guard phoneLike else { return false }
    let digits = DuplicateCheck.normalisedPhone(query)
    let stored = DuplicateCheck.normalisedPhone(lead.phone)
    if digits.isEmpty { return !stored.isEmpty }
    if stored.contains(digits) { return true }
    return digits.first == "8" && stored.hasPrefix("7" + digits.dropFirst())
  }
}

/// Many leads, built from a few names, phones and e-mails in the spellings operators use.
private let manyEntries: [HistoryEntry] = (0..<400).map { number in
  let firstNames = ["Семён", "Алёна", "ПЁТР", "Ирина", "Jean", "Оля-Мария", ""]
  let lastNames = ["Ёжиков", "Щёкина", "Иванов", "Smith", "", "Фёдорова"]
  let phones = ["8 (912) 345-67-89", "+7 912 000-11-22", "89990001122", "", "+44 20 7946 0958"]
  let emails = ["", "Ivan.Petrov@Example.RU", "ирина@пример.рф", "lead\(number)@mail.ru"]
  let states = LeadState.allCases
  return makeEntry(
    id: String(format: "%04d", number), minute: number,
    lead: Lead(
      firstName: firstNames[number % firstNames.count],
      lastName: lastNames[number % lastNames.count], phone: phones[number % phones.count],
      email: emails[number % emails.count]),
    state: states[number % states.count])
}.reversed()

@Suite("History filter over the index")
struct HistorySearchTests {
  static let queries = [
    "", "ё", "е", "ЕЖ", "семен ежиков", "ежиков сем", "щёкина", "alёна", "пётр",
    "8 912", "8912", "+7 (912) 34", "912", "000-11", "7946", "ivan.", "EXAMPLE.ru", "пример",
    "lead1", "lead12@", "  иван  ", "оля-мария", "nobody", "1", "(",
  ]

  @Test(
    "every query and state filter lists what the plain rules list, newest first",
    arguments: queries)
  func agreesWithThePlainRules(query: String) {
    let index = HistoryIndex.inMemory(manyEntries.reversed())
    for filter in HistoryStateFilter.allCases {
      let expected = manyEntries.filter {
        filter.admits($0.state) && PlainMatch.matches($0.lead, filter: query)
      }.map(\.id)
      let found = index.matches(query: query, states: filter.states).map { index.id(at: Int($0)) }
      #expect(found == expected, "query \(query.debugDescription), filter \(filter)")
    }
  }

  @Test("typing a query letter by letter narrows to the same leads as typing it at once")
  func narrowingAgreesWithAFreshSearch() {
    var console = makeHistoryConsole(Array(manyEntries))
    console.press(.function(4))
    for query in ["семён ёж", "+7 912 000", "8 99", "lead1@"] {
      console.press(.escape)
      console.press(.function(4))
      var typed = ""
      for character in query {
        console.press(.character(character))
        typed.append(character)
        let expected = manyEntries.filter { PlainMatch.matches($0.lead, filter: typed) }.map(\.id)
        #expect(console.historyMatches.map(\.id) == expected, "after \(typed.debugDescription)")
      }
    }
  }

  @Test("deleting letters again (Backspace) lists what typing the shorter query lists")
  func wideningAgreesWithAFreshSearch() {
    var console = makeHistoryConsole(Array(manyEntries))
    console.press(.function(4))
    for query in ["семён ёж", "+7 912 000", "lead1@"] {
      console.press(.escape)
      console.press(.function(4))
      for character in query { console.press(.character(character)) }
      var typed = query
      while !typed.isEmpty {
        console.press(.backspace)
        typed.removeLast()
        let expected = manyEntries.filter { PlainMatch.matches($0.lead, filter: typed) }.map(\.id)
        #expect(console.historyMatches.map(\.id) == expected, "after \(typed.debugDescription)")
        // Typing a different letter from there narrows from the shorter query's answer.
        console.press(.character("а"))
        let narrowed = manyEntries.filter { PlainMatch.matches($0.lead, filter: typed + "а") }
        #expect(console.historyMatches.map(\.id) == narrowed.map(\.id), "after \(typed)а")
        console.press(.backspace)
      }
    }
  }

  @Test("a lead queued or updated after the index was built is found with its new state")
  func liveChangesReachTheIndex() {
    var console = makeHistoryConsole(Array(manyEntries))
    console.press(.function(4))
    for character in "зоя" { console.press(.character(character)) }
    #expect(console.historyMatches.isEmpty)

    let entry = makeEntry(
      id: "new", minute: 500, lead: Lead(firstName: "Зоя", phone: "+7 900 000-00-00"),
      state: .queued)
    _ = console.handle(.leadQueued(entry))
    #expect(console.historyMatches.map(\.id) == [entry.id])
    _ = console.handle(.leadUpdated(id: entry.id, state: .accepted, outcome: nil))
    #expect(console.historyMatches.first?.state == .accepted)
  }
}
