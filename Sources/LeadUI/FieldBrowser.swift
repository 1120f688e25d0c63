import Foundation
import LeadCore

/// The field-code browser's state: the filter, the fields it lets through, the selected one
/// and the list's scroll. Fields are named by their place in the form's outline.
public struct FieldBrowser: Sendable, Equatable {
  /// The text typed to filter the list, matched against codes and labels without case.
  public private(set) var filter: TextField
  /// The places (in `FormOutline.fields`) of the fields that match the filter, in form order.
  public private(set) var matches: [Int]
  /// The selected entry of `matches`.
  public private(set) var selection: Int
  /// The first entry of `matches` shown.
  public private(set) var scroll: Int

  /// A browser over every field of `outline`, with field `selected` selected.
  public init(outline: FormOutline, selecting selected: Int) {
    filter = TextField()
    matches = Array(outline.fields.indices)
    selection = matches.firstIndex(of: selected) ?? 0
    scroll = 0
  }

  /// The place of the selected field, or nil when nothing matches.
  public var selectedField: Int? {
    matches.indices.contains(selection) ? matches[selection] : nil
  }

  /// Adds typed text to the filter; the selected field stays selected if it still matches,
  /// else the first match is.
  public mutating func narrow(with text: String, outline: FormOutline, listHeight: Int) {
    filter.insert(text)
    refilter(outline, listHeight: listHeight)
  }

  /// Erases the filter's last character; answers false when the filter was already empty.
  @discardableResult
  public mutating func eraseBackward(outline: FormOutline, listHeight: Int) -> Bool {
    guard filter.deleteBackward() else { return false }
    refilter(outline, listHeight: listHeight)
    return true
  }

  /// Moves the selection by `step` entries, stopping at either end, and scrolls the list so
  /// the selection shows in a window of `listHeight` rows.
  public mutating func move(by step: Int, listHeight: Int) {
    selection = ScrollWindow.moved(selection, by: step, count: matches.count)
    keepSelectionVisible(listHeight: listHeight)
  }

  /// Selects the first (`toEnd` false) or the last entry.
  public mutating func moveToEnd(_ toEnd: Bool, listHeight: Int) {
    selection = toEnd ? max(0, matches.count - 1) : 0
    keepSelectionVisible(listHeight: listHeight)
  }

  /// Scrolls as little as possible so the selection shows in a window of `listHeight` rows.
  public mutating func keepSelectionVisible(listHeight: Int) {
    scroll = ScrollWindow.offset(
      showing: selection...selection, from: scroll, height: listHeight, count: matches.count)
  }

  /// The places of the fields whose code or label contains `query`, without case (Cyrillic
  /// included); every field for an empty or blank query.
  public static func matches(of query: String, in outline: FormOutline) -> [Int] {
    let wanted = query.trimmingCharacters(in: .whitespaces).lowercased()
    guard !wanted.isEmpty else { return Array(outline.fields.indices) }
    return outline.searchKeys.indices.filter {
      outline.searchKeys[$0].code.contains(wanted) || outline.searchKeys[$0].label.contains(wanted)
    }
  }

  private mutating func refilter(_ outline: FormOutline, listHeight: Int) {
    let kept = selectedField
    matches = Self.matches(of: filter.value, in: outline)
    selection = kept.flatMap { matches.firstIndex(of: $0) } ?? 0
    keepSelectionVisible(listHeight: listHeight)
  }
}
