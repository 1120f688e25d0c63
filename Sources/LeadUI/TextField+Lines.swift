/// How a multi-line text falls into the rows of a box: each line break starts a row, and a
/// line wider than the box goes on in the next row, broken after its last space that fits
/// (inside a word only when the word alone is wider than the box), never inside a character.
///
/// Every cursor position has a cell: a row filled to the last column is followed by an
/// empty row when the cursor could stand after its last character (at the end of the text or
/// before a line break), since the next character typed goes there.
public struct TextRows: Sendable, Equatable {
  /// The characters of one row, as places in the text; a line break ending the row is not
  /// among them.
  public struct Row: Sendable, Equatable {
    /// The first character of the row.
    public var start: Int
    /// The place after the row's last character.
    public var end: Int
  }

  /// The rows, top to bottom; at least one.
  public let rows: [Row]
  /// Columns of each character of the text.
  private let widths: [Int]

  /// The rows of `text` in a box `width` columns wide (at least one column).
  public init(_ text: String, width: Int) {
    let characters = Array(text)
    let widths = characters.map { $0 == "\n" ? 0 : DisplayWidth.of($0) }
    let width = max(1, width)
    var rows: [Row] = []
    var start = 0
    var column = 0
    var index = 0
    // The place after the row's last space: where the row breaks when a word overflows it.
    var afterSpace: Int?
    while index < characters.count {
      if characters[index] == "\n" {
        if column >= width {
          rows.append(Row(start: start, end: index))
          start = index
        }
        rows.append(Row(start: start, end: index))
        start = index + 1
        column = 0
        afterSpace = nil
        index += 1
      } else if column + widths[index] > width, index > start {
        let end = afterSpace.flatMap { $0 > start ? $0 : nil } ?? index
        rows.append(Row(start: start, end: end))
        start = end
        column = widths[end..<index].reduce(0, +)
        afterSpace = nil
      } else {
        column += widths[index]
        if characters[index] == " " { afterSpace = index + 1 }
        index += 1
      }
    }
    if column >= width, start < characters.count {
      rows.append(Row(start: start, end: characters.count))
      start = characters.count
    }
    rows.append(Row(start: start, end: characters.count))
    self.rows = rows
    self.widths = widths
  }

  /// The row and column where the cursor stands before character `index` (or after the last).
  public func position(of index: Int) -> (row: Int, column: Int) {
    let row = rows.lastIndex { $0.start <= index && index <= $0.end } ?? 0
    let start = rows[row].start
    let column = widths[start..<max(start, min(index, widths.count))].reduce(0, +)
    return (row, column)
  }

  /// The place in row `row` whose column is the largest not beyond `column`: where Up and
  /// Down land. A row that goes on in the next one ends before its last place, which
  /// belongs to the next row.
  public func index(inRow row: Int, atColumn column: Int) -> Int {
    guard rows.indices.contains(row) else { return 0 }
    let current = rows[row]
    let continues = row + 1 < rows.count && rows[row + 1].start == current.end
    let last = continues && current.end > current.start ? current.end - 1 : current.end
    var index = current.start
    var used = 0
    while index < last, used + widths[index] <= column {
      used += widths[index]
      index += 1
    }
    return index
  }
}

/// The part of a multi-line field that fits its box, and where the cursor sits in it.
public struct TextAreaViewport: Sendable, Equatable {
  /// The rows shown, top to bottom.
  public var rows: [String]
  /// The cursor's row inside the box.
  public var cursorRow: Int
  /// The cursor's column inside the box.
  public var cursorColumn: Int
  /// True when rows before the shown ones are scrolled out of view.
  public var hidesRowsBefore: Bool
  /// True when rows after the shown ones do not fit.
  public var hidesRowsAfter: Bool
}

extension TextField {
  /// Rows a multi-line field's box grows to before its text scrolls.
  public static let maximumVisibleRows = 4

  /// Rows the field's box takes in a box `width` columns wide: one for a one-line field; for
  /// a multi-line one, as many as its text needs, up to `maximumVisibleRows`.
  public func visibleRows(width: Int) -> Int {
    guard allowsLineBreaks else { return 1 }
    return min(Self.maximumVisibleRows, TextRows(value, width: width).rows.count)
  }

  /// Moves the cursor one row up, keeping its column as near as it can; false on the first
  /// row (and always in a one-line field), where Up leaves the field.
  public mutating func moveUp(width: Int) -> Bool {
    moveVertically(by: -1, width: width)
  }

  /// Moves the cursor one row down, keeping its column as near as it can; false on the last
  /// row (and always in a one-line field), where Down leaves the field.
  public mutating func moveDown(width: Int) -> Bool {
    moveVertically(by: 1, width: width)
  }

  /// What a box `width` columns wide and `height` rows high shows of a multi-line field,
  /// scrolled from the stored first row just enough to keep the cursor in view.
  public func areaViewport(width: Int, height: Int) -> TextAreaViewport {
    let layout = TextRows(value, width: width)
    let (row, column) = layout.position(of: cursor)
    let top = Self.firstRow(from: firstRow, showing: row, height: height, count: layout.rows.count)
    let characters = Array(value)
    let shown = layout.rows.dropFirst(top).prefix(max(0, height)).map {
      String(characters[$0.start..<$0.end])
    }
    return TextAreaViewport(
      rows: shown, cursorRow: row - top, cursorColumn: min(column, max(0, width - 1)),
      hidesRowsBefore: top > 0, hidesRowsAfter: top + max(0, height) < layout.rows.count)
  }

  /// Scrolls a multi-line field as little as possible so the cursor's row is in its box.
  mutating func scrollRows(toFit width: Int) {
    let layout = TextRows(value, width: width)
    let height = min(Self.maximumVisibleRows, layout.rows.count)
    firstRow = Self.firstRow(
      from: firstRow, showing: layout.position(of: cursor).row, height: height,
      count: layout.rows.count)
  }

  private mutating func moveVertically(by step: Int, width: Int) -> Bool {
    guard allowsLineBreaks else { return false }
    let layout = TextRows(value, width: width)
    let (row, column) = layout.position(of: cursor)
    let target = row + step
    guard layout.rows.indices.contains(target) else { return false }
    moveCursor(to: layout.index(inRow: target, atColumn: column))
    return true
  }

  /// The first row to show so that `row` is among `height` rows, moving as little as possible
  /// from `current` and leaving no empty rows at the end while earlier ones are hidden.
  private static func firstRow(from current: Int, showing row: Int, height: Int, count: Int)
    -> Int
  {
    guard height > 0 else { return row }
    var top = min(current, row)
    if row >= top + height { top = row - height + 1 }
    return max(0, min(top, count - height))
  }
}
