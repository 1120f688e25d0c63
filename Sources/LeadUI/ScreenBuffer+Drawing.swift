extension ScreenBuffer {
  /// The most scalars one cell keeps: ncursesw's `cchar_t` holds a base character and four
  /// combining marks, so a cell never carries more than the terminal can draw.
  public static let maximumScalarsPerCell = 5

  /// Draws text from a position, clipped to `width` columns (and the grid), in one role, and
  /// returns the columns used. Control characters are drawn as their visible forms, a wide
  /// character that would be cut at the edge is left out, and a zero-width character joins the
  /// character before it, so no cell ever holds half a letter or a raw control.
  @discardableResult
  public mutating func draw(
    _ text: String, row: Int, column: Int, width: Int? = nil, role: StyleRole
  ) -> Int {
    guard row >= 0, row < rows, column >= 0, column < columns else { return 0 }
    let limit = min(width ?? columns, columns - column)
    var used = 0
    for character in TerminalText.neutralised(text) {
      let cellWidth = DisplayWidth.of(character)
      if cellWidth == 0 {
        if used > 0 {
          appendToCell(row: row, column: leadColumn(row, column + used - 1), character)
        }
        continue
      }
      guard used + cellWidth <= limit else { break }
      put(character, row: row, column: column + used, wide: cellWidth > 1, role: role)
      used += cellWidth
    }
    return used
  }

  /// Fills `width` cells of a row with spaces in one role.
  public mutating func fill(row: Int, column: Int, width: Int, role: StyleRole) {
    guard width > 0 else { return }
    for offset in 0..<width where column + offset >= 0 && column + offset < columns {
      put(" ", row: row, column: column + offset, wide: false, role: role)
    }
  }

  /// Gives every cell of a rectangle a role, keeping the graphemes.
  public mutating func paint(row: Int, column: Int, width: Int, role: StyleRole) {
    guard width > 0 else { return }
    for offset in 0..<width {
      var cell = self[row, column + offset]
      cell.role = role
      self[row, column + offset] = cell
    }
  }

  /// Puts one character in a cell (two for a wide one), blanking the other half of any wide
  /// character it overwrites.
  private mutating func put(
    _ character: Character, row: Int, column: Int, wide: Bool, role: StyleRole
  ) {
    let span = wide ? 2 : 1
    guard column >= 0, column + span <= columns else { return }
    if self[row, column].isContinuation, column > 0 {
      self[row, column - 1] = Cell(grapheme: " ", role: self[row, column - 1].role)
    }
    let after = column + span
    if after < columns, self[row, after].isContinuation {
      self[row, after] = Cell(grapheme: " ", role: self[row, after].role)
    }
    self[row, column] = Cell(grapheme: ScreenBuffer.capped(String(character)), role: role)
    if wide {
      self[row, column + 1] = Cell(grapheme: "", role: role, isContinuation: true)
    }
  }

  /// The column where the character covering `column` starts.
  private func leadColumn(_ row: Int, _ column: Int) -> Int {
    column > 0 && self[row, column].isContinuation ? column - 1 : column
  }

  /// Joins a zero-width character (a combining mark) to the grapheme already in a cell.
  private mutating func appendToCell(row: Int, column: Int, _ character: Character) {
    var cell = self[row, column]
    cell.grapheme = ScreenBuffer.capped(cell.grapheme + String(character))
    self[row, column] = cell
  }

  /// A grapheme cut to the scalars a cell can hold.
  private static func capped(_ grapheme: String) -> String {
    let scalars = grapheme.unicodeScalars
    guard scalars.count > maximumScalarsPerCell else { return grapheme }
    return String(String.UnicodeScalarView(scalars.prefix(maximumScalarsPerCell)))
  }
}
