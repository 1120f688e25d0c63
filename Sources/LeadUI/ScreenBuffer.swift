/// What a cell means on screen; one palette maps roles to colours (or to plain attributes).
public enum StyleRole: Sendable, Equatable, Hashable, CaseIterable {
  case normal
  case label
  case input
  case focusedInput
  case invalid
  case ok
  case error
  case warning
  case dim
  case title
  case keyHint
  case selected
}

/// One screen cell: a grapheme and its role. A wide grapheme occupies its cell and marks the
/// next one as its continuation, so the presenter never draws half a character.
public struct Cell: Sendable, Equatable {
  /// The grapheme drawn here; empty in the continuation cell of a wide grapheme.
  public var grapheme: String
  /// The cell's role.
  public var role: StyleRole
  /// True for the second column of a two-column grapheme.
  public var isContinuation: Bool

  /// A blank cell in the normal role.
  public static let blank = Cell(grapheme: " ", role: .normal, isContinuation: false)

  /// Creates a cell.
  public init(grapheme: String, role: StyleRole, isContinuation: Bool = false) {
    self.grapheme = grapheme
    self.role = role
    self.isContinuation = isContinuation
  }
}

/// A grid of cells the panes draw into; the terminal presenter copies changed rows out of it,
/// and tests compare it as text.
public struct ScreenBuffer: Sendable, Equatable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// Row-major cells, `rows * columns` of them.
  public private(set) var cells: [Cell]
  /// Where the terminal cursor should sit, or nil to hide it.
  public var cursor: (row: Int, column: Int)? {
    get { cursorPosition.map { ($0.row, $0.column) } }
    set { cursorPosition = newValue.map { CursorPosition(row: $0.row, column: $0.column) } }
  }
  private var cursorPosition: CursorPosition?

  private struct CursorPosition: Sendable, Equatable {
    var row: Int
    var column: Int
  }

  /// Creates a blank buffer; negative sizes count as zero.
  public init(rows: Int, columns: Int) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
    self.cells = Array(repeating: .blank, count: self.rows * self.columns)
  }

  /// The cell at a position; positions outside the grid read as blank.
  public subscript(row: Int, column: Int) -> Cell {
    get {
      guard row >= 0, row < rows, column >= 0, column < columns else { return .blank }
      return cells[row * columns + column]
    }
    set {
      guard row >= 0, row < rows, column >= 0, column < columns else { return }
      cells[row * columns + column] = newValue
    }
  }

  /// One row as plain text (continuation cells omitted), for tests and snapshots.
  public func text(ofRow row: Int) -> String {
    guard row >= 0, row < rows else { return "" }
    var line = ""
    for column in 0..<columns {
      let cell = self[row, column]
      if !cell.isContinuation { line += cell.grapheme }
    }
    return line
  }

  /// The whole grid as text, one line per row.
  public var text: String {
    (0..<rows).map { text(ofRow: $0) }.joined(separator: "\n")
  }
}
