import Foundation
import LeadCore
import LeadUI

/// A console with a key, sized 80×24, with times shown in UTC.
func makeConsole(canSend: Bool = true, notices: [String] = []) -> ConsoleState {
  var state = ConsoleState(
    context: ConsoleContext(
      endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: canSend ? "••••••••cdef" : nil,
      canSend: canSend, notices: notices, timeZone: TimeZone(identifier: "UTC") ?? .current))
  _ = state.handle(.resized(rows: 24, columns: 80))
  return state
}

extension ConsoleState {
  /// Presses each key in turn and returns every effect they produced.
  @discardableResult
  mutating func press(_ keys: Key...) -> [Effect] {
    keys.flatMap { handle(.key($0)) }
  }

  /// Types text one character at a time, as a keyboard delivers it.
  mutating func type(_ text: String) {
    for character in text {
      _ = handle(.key(.character(character)))
    }
  }

  /// Types a value into each field named, moving with Tab from First name.
  mutating func fillForm(_ values: [BaseField: String]) {
    for field in FormLayout.fieldOrder {
      type(values[field] ?? "")
      press(.tab)
    }
  }

  /// The screen at 80×24.
  var screen: ScreenBuffer { ConsoleRenderer.render(self, rows: 24, columns: 80) }
}

/// A history entry queued at `minute` minutes past 10:00 UTC on 1 May 2024.
func makeEntry(
  id: String, minute: Int, lead: Lead, state: LeadState = .queued, outcome: Outcome? = nil,
  method: HTTPMethod = .post
) -> HistoryEntry {
  HistoryEntry(
    id: LeadID(rawValue: id),
    queuedAt: Date(timeIntervalSince1970: 1_714_557_600 + Double(minute) * 60),
    lead: lead, endpoint: "http://127.0.0.1:8080/api/site/", method: method, state: state,
    lastOutcome: outcome)
}

/// The lead used across the delivery tests.
let ivan = Lead(firstName: "Иван", lastName: "Петров", phone: "+7 912 345-67-89")

/// The first row of a screen whose text contains `needle`, or nil.
func row(containing needle: String, in screen: ScreenBuffer) -> Int? {
  (0..<screen.rows).first { screen.text(ofRow: $0).contains(needle) }
}
