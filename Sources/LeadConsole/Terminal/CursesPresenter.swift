import CNcursesw
import LeadUI

/// Copies screen buffers onto the curses screen, rewriting only the rows that changed since
/// the previous frame, and places or hides the cursor. One `wrefresh` per frame.
struct CursesPresenter {
  private let palette: Palette
  private let lineDrawing: LineDrawing
  private var previous: ScreenBuffer?
  private var cursorShown: Bool?

  /// Creates a presenter that draws roles with `palette` and box lines as `lineDrawing` says.
  init(palette: Palette, lineDrawing: LineDrawing) {
    self.palette = palette
    self.lineDrawing = lineDrawing
  }

  /// Forgets the last frame, so the next one is drawn in full (after a resize, or when
  /// something else may have drawn on the screen).
  mutating func invalidate() {
    previous = nil
  }

  /// Draws `buffer`; a frame equal to the last one costs nothing.
  mutating func present(_ buffer: ScreenBuffer) {
    guard buffer != previous else { return }
    let screen = cn_stdscr()
    let sameSize = previous.map { $0.rows == buffer.rows && $0.columns == buffer.columns }
    if sameSize != true { _ = werase(screen) }

    for row in 0..<buffer.rows where sameSize != true || rowChanged(row, in: buffer) {
      drawRow(row, of: buffer)
    }
    placeCursor(buffer)
    _ = wrefresh(screen)
    previous = buffer
  }

  private func rowChanged(_ row: Int, in buffer: ScreenBuffer) -> Bool {
    guard let previous else { return true }
    let start = row * buffer.columns
    let range = start..<(start + buffer.columns)
    return previous.cells[range] != buffer.cells[range]
  }

  /// Writes every column of one row. A wide grapheme is drawn once and its continuation cell
  /// skipped; a grapheme whose width does not match the cells it was given becomes a space, so
  /// one bad cell can never shift the rest of the row. Box lines go through `lineDrawing`.
  private func drawRow(_ row: Int, of buffer: ScreenBuffer) {
    let screen = cn_stdscr()
    var column = 0
    while column < buffer.columns {
      let cell = buffer[row, column]
      let look = palette.look(for: cell.role)
      if let glyph = lineDrawing.glyph(for: cell.grapheme) {
        Self.drawLine(glyph, row: row, column: column, look: look)
        column += 1
        continue
      }
      let nextIsContinuation = column + 1 < buffer.columns && buffer[row, column + 1].isContinuation
      let width = cell.isContinuation ? 0 : Self.columns(of: cell.grapheme)
      let fits = (width == 1 && !nextIsContinuation) || (width == 2 && nextIsContinuation)
      var character = Self.character(fits ? cell.grapheme : " ", look: look)
      _ = mvwadd_wch(screen, Int32(row), Int32(column), &character)
      column += fits && width == 2 ? 2 : 1
    }
  }

  /// Draws one box-line cell: the terminal's own line, which `whline`/`wvline` give for the
  /// character 0 (curses then picks the alternate character set or the Unicode line, as the
  /// terminal allows), or an ASCII stand-in.
  private static func drawLine(_ glyph: LineDrawing.Glyph, row: Int, column: Int, look: Look) {
    let screen = cn_stdscr()
    guard wmove(screen, Int32(row), Int32(column)) == OK else { return }
    switch glyph {
    case .horizontalLine, .verticalLine:
      _ = wattr_set(screen, look.attributes, look.pair, nil)
      _ = glyph == .horizontalLine ? whline(screen, 0, 1) : wvline(screen, 0, 1)
      _ = wattr_set(screen, 0, 0, nil)
    case .ascii(let character):
      var cell = Self.character(String(character), look: look)
      _ = wadd_wch(screen, &cell)
    }
  }

  private mutating func placeCursor(_ buffer: ScreenBuffer) {
    let position = buffer.cursor.flatMap { cursor in
      (0..<buffer.rows).contains(cursor.row) && (0..<buffer.columns).contains(cursor.column)
        ? cursor : nil
    }
    let show = position != nil
    if cursorShown != show {
      // Terminals without cursor control answer ERR; the frame is still right without it.
      _ = curs_set(show ? 1 : 0)
      cursorShown = show
    }
    if let position { _ = wmove(cn_stdscr(), Int32(position.row), Int32(position.column)) }
  }

  /// Columns a grapheme takes as the terminal measures it: its first scalar's `wcwidth`, with
  /// control characters and empty cells counted as unusable (0).
  private static func columns(of grapheme: String) -> Int {
    guard let first = grapheme.unicodeScalars.first else { return 0 }
    return max(0, Int(cn_wcwidth(wchar_t(bitPattern: first.value))))
  }

  /// A curses wide character for a grapheme: its scalars up to what a cell holds; when curses
  /// refuses the combination (an emoji sequence of several spacing scalars), its first scalar.
  private static func character(_ grapheme: String, look: Look) -> cchar_t {
    var cell = cchar_t()
    let scalars = grapheme.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    let attempts = [Array(scalars.prefix(Int(CCHARW_MAX) - 1)), Array(scalars.prefix(1))]
    for attempt in attempts {
      let text = attempt + [0]
      if setcchar(&cell, text, look.attributes, look.pair, nil) == OK { return cell }
    }
    _ = setcchar(&cell, [wchar_t(bitPattern: 0x20), 0], look.attributes, look.pair, nil)
    return cell
  }
}
