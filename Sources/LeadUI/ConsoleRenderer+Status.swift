extension ConsoleRenderer {
  /// The most rows a status message takes: a longer one (a question, a CRM's answer) wraps
  /// upwards over the pane's last rows while it is shown, and only past this is it cut.
  public static let statusRowsAtMost = 3

  /// The status text as the rows it takes at `width` columns: one when it fits, more when it
  /// does not (broken between words), the last cut short only when `statusRowsAtMost` rows
  /// cannot hold it.
  static func statusLines(_ text: String, width: Int) -> [String] {
    guard width > 0, DisplayWidth.of(text) > width else { return [text] }
    let wrapped = DisplayWidth.wrapped(text, toWidth: width)
    guard wrapped.count > 1 else { return [DisplayWidth.truncated(text, toWidth: width)] }
    guard wrapped.count > statusRowsAtMost else { return wrapped }
    let rest = wrapped.dropFirst(statusRowsAtMost - 1).joined(separator: " ")
    return wrapped.prefix(statusRowsAtMost - 1) + [DisplayWidth.truncated(rest, toWidth: width)]
  }

  /// Draws the status message on the status row, or on the rows above it as well when the
  /// message needs more, so a question or a long verdict is read in full.
  // Limitation: a message of several rows covers the bottom rows of the pane above it (a list entry, or
  // in the side-by-side form a field, whose cursor is then hidden) until the next message
  // replaces it; the panes keep their fixed layout, so paging and scrolling never shift under
  // the operator while a message comes and goes.
  static func drawStatus(
    _ status: StatusMessage, layout: FormLayout, into screen: inout ScreenBuffer
  ) {
    let width = layout.columns - 2
    var lines = statusLines(status.text, width: width)
    if layout.statusRow - (lines.count - 1) < 1 {
      lines = [DisplayWidth.truncated(status.text, toWidth: width)]
    }
    let top = layout.statusRow - (lines.count - 1)
    for (offset, line) in lines.enumerated() {
      screen.fill(row: top + offset, column: 0, width: layout.columns, role: status.role)
      screen.draw(line, row: top + offset, column: 1, role: status.role)
    }
    if let cursor = screen.cursor, cursor.row >= top, cursor.row < layout.statusRow {
      screen.cursor = nil
    }
  }
}
