import Foundation
import LeadCore

/// One line of the history pane: when, how it went, whom it was about.
public struct HistoryRow: Sendable, Equatable {
  /// When the lead was queued, `HH:mm` in the console's time zone.
  public var time: String
  /// A one-character sign of the state.
  public var mark: String
  /// The state in words: `queued`, `sending…`, `accepted`, `rejected`, `not delivered`,
  /// `uncertain`, `done`.
  public var word: String
  /// The phone, else the e-mail.
  public var contact: String
  /// The client's name.
  public var name: String
  /// The role the mark and word are drawn in.
  public var role: StyleRole

  /// The row for one history entry, its state in words of `language`.
  public init(_ entry: HistoryEntry, timeZone: TimeZone, language: InterfaceLanguage = .english) {
    time = Self.clockTime(of: entry.queuedAt, in: timeZone)
    mark = HistoryRow.mark(for: entry.state)
    word = HistoryRow.word(for: entry.state, in: language)
    contact = LeadText.contact(of: entry.lead)
    name = LeadText.name(of: entry.lead)
    role = HistoryRow.role(for: entry.state)
  }

  /// `HH:mm` of `date` in `timeZone`. Worked out from the zone's offset at that moment: a
  /// calendar and a formatter cost more than the rest of a row, and the pane draws every row
  /// of its page for each key.
  static func clockTime(of date: Date, in timeZone: TimeZone) -> String {
    let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
    let secondsOfDay = ((local % 86_400) + 86_400) % 86_400
    return twoDigits(secondsOfDay / 3_600) + ":" + twoDigits(secondsOfDay % 3_600 / 60)
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }

  /// The row as plain text, fields separated by single spaces.
  public var text: String {
    [time, mark, word, contact, name].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// The sign of a state.
  public static func mark(for state: LeadState) -> String {
    switch state {
    case .queued: "·"
    case .sending: "→"
    case .accepted: "✓"
    case .rejected: "✗"
    case .notDelivered: "↺"
    case .uncertain: "?"
    case .done: "■"
    }
  }

  /// A state in words of `language`.
  public static func word(for state: LeadState, in language: InterfaceLanguage = .english)
    -> String
  {
    switch state {
    case .queued: language.text(.stateQueued)
    case .sending: language.text(.stateSending)
    case .accepted: language.text(.stateAccepted)
    case .rejected: language.text(.stateRejected)
    case .notDelivered: language.text(.stateNotDelivered)
    case .uncertain: language.text(.stateUncertain)
    case .done: language.text(.stateDone)
    }
  }

  /// The role a state is drawn in.
  public static func role(for state: LeadState) -> StyleRole {
    switch state {
    case .queued, .sending, .done: .dim
    case .accepted: .ok
    case .rejected: .error
    case .notDelivered, .uncertain: .warning
    }
  }
}

/// Draws the history pane: a title, then one row per submission, newest first.
enum HistoryPane {
  /// The widest state word in `language`, so the contact column lines up.
  static func wordWidth(in language: InterfaceLanguage) -> Int {
    LeadState.allCases.map { DisplayWidth.of(HistoryRow.word(for: $0, in: language)) }.max() ?? 0
  }

  /// Draws the pane into `region`: its title, then as many rows as fit.
  static func draw(_ state: ConsoleState, in region: ScreenRegion, into screen: inout ScreenBuffer)
  {
    guard region.height > 0, region.width > 0 else { return }
    let damaged = state.damagedHistoryLines.count
    var title = state.text(.historyPaneTitle)
    if damaged > 0 { title += state.text(.historyPaneDamaged, count: damaged) }
    screen.draw(
      DisplayWidth.truncated(title, toWidth: region.width - 1), row: region.top,
      column: region.left + 1, role: .label)

    let rows = state.historyRows
    guard !rows.isEmpty else {
      screen.draw(
        state.text(.noLeadsYet), row: region.top + 1, column: region.left + 1,
        width: region.width - 1, role: .dim)
      return
    }
    let shown = rows.prefix(max(0, region.height - 1))
    // The contact is what the operator calls back, so it gets its full width before the name,
    // leaving the name at least a few columns.
    let wordWidth = wordWidth(in: state.language)
    let fixedWidth = 1 + 6 + 2 + wordWidth + 1
    let contactWidth = min(
      shown.map { DisplayWidth.of($0.contact) }.max() ?? 0,
      max(8, region.width - fixedWidth - 10))
    for (offset, row) in shown.enumerated() {
      draw(
        row, row: region.top + 1 + offset, in: region, wordWidth: wordWidth,
        contactWidth: contactWidth, into: &screen)
    }
  }

  /// Draws one row: time, mark and word in the state's role, contact, name.
  private static func draw(
    _ row: HistoryRow, row line: Int, in region: ScreenRegion, wordWidth: Int,
    contactWidth: Int, into screen: inout ScreenBuffer
  ) {
    let end = region.left + region.width
    var column = region.left + 1
    func put(_ text: String, width: Int, role: StyleRole) {
      let room = min(width, end - column)
      guard room > 0 else { return }
      screen.draw(
        DisplayWidth.truncated(text, toWidth: room), row: line, column: column,
        role: role)
      column += room + 1
    }
    put(row.time, width: 5, role: .dim)
    put(row.mark, width: 1, role: row.role)
    put(row.word, width: wordWidth, role: row.role)
    put(row.contact, width: contactWidth, role: .normal)
    put(row.name, width: end - column, role: .normal)
  }
}
