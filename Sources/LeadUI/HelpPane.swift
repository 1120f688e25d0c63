/// The help screen while it is shown: how far it is scrolled.
public struct HelpScreen: Sendable, Equatable {
  /// The first line of the help shown.
  public internal(set) var scroll: Int

  /// Help scrolled to line `scroll`.
  public init(scroll: Int = 0) {
    self.scroll = max(0, scroll)
  }
}

/// Draws the help over everything between the header and the status line: a title row, then
/// the keys of every screen, scrolled.
enum HelpPane {
  /// The help's region on a screen: below the header, above the status line.
  static func region(rows: Int, columns: Int) -> ScreenRegion {
    let layout = FormLayout(rows: rows, columns: columns)
    return ScreenRegion(
      top: 1, left: 0, height: max(0, layout.statusRow - 1), width: layout.columns)
  }

  /// Columns the help's lines take in a region: a margin on either side.
  static func textWidth(of region: ScreenRegion) -> Int {
    max(0, region.width - 4)
  }

  /// Rows of help text below the title row.
  static func pageHeight(of region: ScreenRegion) -> Int {
    max(0, region.height - 1)
  }

  /// Draws the help when it is shown; otherwise nothing.
  static func draw(_ state: ConsoleState, layout: FormLayout, into screen: inout ScreenBuffer) {
    guard let help = state.help else { return }
    let region = region(rows: layout.rows, columns: layout.columns)
    guard region.height > 0, region.width > 0 else { return }
    for row in region.top..<(region.top + region.height) {
      screen.fill(row: row, column: region.left, width: region.width, role: .normal)
    }
    screen.cursor = nil

    let width = textWidth(of: region)
    let language = state.language
    let lines = HelpText.lines(width: width, language: language)
    let page = pageHeight(of: region)
    let scroll = max(0, min(help.scroll, lines.count - page))
    let end = min(lines.count, scroll + page)
    let position =
      lines.isEmpty
      ? "" : language.text(.helpPosition, String(scroll + 1), String(end), String(lines.count))
    screen.fill(row: region.top, column: region.left, width: region.width, role: .title)
    let title = language.text(.helpTitle, position)
    screen.draw(
      DisplayWidth.truncated(title, toWidth: region.width - 2), row: region.top, column: 1,
      role: .title)

    let keysWidth = HelpText.keysWidth(forWidth: width)
    for (offset, line) in lines[scroll..<end].enumerated() {
      let row = region.top + 1 + offset
      switch line.kind {
      case .heading:
        screen.draw(
          DisplayWidth.truncated(line.text, toWidth: width), row: row, column: 2, role: .label)
      case .note:
        screen.draw(
          DisplayWidth.truncated(line.text, toWidth: width), row: row, column: 2, role: .dim)
      case .entry:
        screen.draw(
          DisplayWidth.truncated(line.keys, toWidth: keysWidth), row: row, column: 2,
          role: .keyHint)
        screen.draw(
          DisplayWidth.truncated(line.text, toWidth: width - keysWidth - 2), row: row,
          column: 4 + keysWidth, role: .normal)
      }
    }
  }
}
