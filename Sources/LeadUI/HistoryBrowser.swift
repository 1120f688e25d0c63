import LeadCore

/// The history pane while it has the focus: the typed filter, the state filter, the selection,
/// and the lead whose details are open.
public struct HistoryBrowser: Sendable, Equatable {
  /// The text typed into the filter line.
  public internal(set) var filter = TextField()
  /// Which states are shown.
  public internal(set) var stateFilter = HistoryStateFilter.all
  /// The place of the selected lead among the matching ones.
  public internal(set) var selection = 0
  /// The first matching lead shown in the list's window.
  public internal(set) var scroll = 0
  /// The lead whose detail view is open, or nil while the list is shown.
  public internal(set) var detailID: LeadID?
  /// The first line of the detail view shown.
  public internal(set) var detailScroll = 0

  /// Creates a browser showing every lead, the newest selected.
  public init() {}

  /// Moves the selection by `step`, clamped to the `count` matching leads, and scrolls the
  /// list so it stays in a window of `height` rows.
  mutating func move(by step: Int, count: Int, height: Int) {
    selection = max(0, min(count - 1, selection + step))
    keepVisible(count: count, height: height)
  }

  /// Clamps the selection to `count` leads and scrolls it into a window of `height` rows.
  mutating func keepVisible(count: Int, height: Int) {
    selection = max(0, min(max(0, count - 1), selection))
    let height = max(1, height)
    if selection < scroll { scroll = selection }
    if selection >= scroll + height { scroll = selection - height + 1 }
    scroll = max(0, min(scroll, max(0, count - height)))
  }

  /// Starts over at the newest match, after either filter changed.
  mutating func restart() {
    selection = 0
    scroll = 0
  }
}
