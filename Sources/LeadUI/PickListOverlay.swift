/// Draws an open pick list as a drop-down under its field (over it when there is more room
/// above), over whatever the screen shows there.
enum PickListOverlay {
  /// Draws the list of the focused select field, if its list is open and the field shows.
  static func draw(_ state: ConsoleState, layout: FormLayout, into screen: inout ScreenBuffer) {
    guard let list = state.pickList, state.browser == nil,
      let slot = layout.slot(
        ofField: state.focusIndex, of: state.outline, scroll: state.formScroll(in: layout)),
      slot.input.width > 0
    else { return }

    let wanted = min(PickList.visibleRows, max(1, list.matches.count))
    let below = layout.statusRow - 1 - slot.row
    let above = slot.row - 1
    let downwards = below >= wanted || below >= above
    let height = min(wanted, downwards ? below : above)
    guard height > 0 else { return }
    let top = downwards ? slot.row + 1 : slot.row - height
    let box = slot.input

    guard !list.matches.isEmpty else {
      screen.fill(row: top, column: box.left, width: box.width, role: .input)
      screen.draw(
        DisplayWidth.truncated(state.text(.pickListEmpty), toWidth: box.width - 1), row: top,
        column: box.left + 1, role: .dim)
      return
    }
    // The window may be shorter than the list's own when the screen is short.
    let first = ScrollWindow.offset(
      showing: list.selection...list.selection, from: list.scroll, height: height,
      count: list.matches.count)
    for offset in 0..<height {
      let entry = first + offset
      guard entry < list.matches.count else { break }
      let role: StyleRole = entry == list.selection ? .selected : .input
      screen.fill(row: top + offset, column: box.left, width: box.width, role: role)
      screen.draw(
        DisplayWidth.truncated(list.matches[entry].label, toWidth: box.width - 3),
        row: top + offset, column: box.left + 1, role: role)
    }
    if first > 0 {
      screen.draw("▲", row: top, column: box.left + box.width - 1, role: .dim)
    }
    if first + height < list.matches.count {
      screen.draw("▼", row: top + height - 1, column: box.left + box.width - 1, role: .dim)
    }
  }
}
