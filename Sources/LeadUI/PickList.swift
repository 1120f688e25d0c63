import Foundation
import LeadCore

/// The open list of a select field: its options narrowed by what the operator typed, and the
/// one selected. Enter takes the selected option; nothing changes the field until then.
public struct PickList: Sendable, Equatable {
  /// Options shown at once; a longer list scrolls.
  public static let visibleRows = 8

  /// The code of the select field the list belongs to.
  public let code: String
  /// Every option of the field, in schema order.
  public let options: [SelectOption]
  /// The text that narrows the list.
  public private(set) var filter: TextField
  /// The options whose label or value contains the filter, without case, in schema order.
  public private(set) var matches: [SelectOption]
  /// The selected entry of `matches`.
  public private(set) var selection: Int
  /// The first entry of `matches` shown.
  public private(set) var scroll: Int

  /// A list of `options` with the option sent as `currentValue` selected, if there is one.
  public init(code: String, options: [SelectOption], currentValue: String?) {
    self.code = code
    self.options = options
    filter = TextField()
    matches = options
    selection = options.firstIndex { $0.value == currentValue } ?? 0
    scroll = 0
    keepSelectionVisible()
  }

  /// The option Enter would take, or nil when nothing matches.
  public var selected: SelectOption? {
    matches.indices.contains(selection) ? matches[selection] : nil
  }

  /// Adds typed text to the filter and selects the first option that still matches.
  public mutating func narrow(with text: String) {
    filter.insert(text)
    refilter()
  }

  /// Erases the filter's last character; answers false when the filter was already empty.
  @discardableResult
  public mutating func eraseBackward() -> Bool {
    guard filter.deleteBackward() else { return false }
    refilter()
    return true
  }

  /// Moves the selection by `step` entries, stopping at either end.
  public mutating func move(by step: Int) {
    selection = ScrollWindow.moved(selection, by: step, count: matches.count)
    keepSelectionVisible()
  }

  /// Selects the first (`toEnd` false) or the last entry.
  public mutating func moveToEnd(_ toEnd: Bool) {
    selection = toEnd ? max(0, matches.count - 1) : 0
    keepSelectionVisible()
  }

  /// True when an option's label or value contains `query`, without case; every option
  /// matches an empty or blank query.
  public static func option(_ option: SelectOption, matches query: String) -> Bool {
    let wanted = query.trimmingCharacters(in: .whitespaces).lowercased()
    guard !wanted.isEmpty else { return true }
    return option.label.lowercased().contains(wanted) || option.value.lowercased().contains(wanted)
  }

  private mutating func refilter() {
    matches = options.filter { PickList.option($0, matches: filter.value) }
    selection = 0
    scroll = 0
  }

  private mutating func keepSelectionVisible() {
    scroll = ScrollWindow.offset(
      showing: selection...selection, from: scroll, height: Self.visibleRows,
      count: matches.count)
  }
}
