import LeadCore

/// A rectangle of the screen, in cells.
public struct ScreenRegion: Sendable, Equatable {
  /// The first row.
  public var top: Int
  /// The first column.
  public var left: Int
  /// Rows covered; never negative.
  public var height: Int
  /// Columns covered; never negative.
  public var width: Int
}

/// Where everything goes on a screen of a given size: header, the form's window, the history
/// or preview pane, status line and key bar. Computed from the size and the form's outline
/// alone, so the state and the renderer agree.
public struct FormLayout: Sendable, Equatable {
  /// Where one field's label, input box and note go on screen.
  public struct FieldSlot: Sendable, Equatable {
    /// The row of the label and the input box.
    public var row: Int
    /// The column of the mark shown beside a field that fails the checks.
    public var markColumn: Int
    /// The column of the label.
    public var labelColumn: Int
    /// Columns the label may take.
    public var labelWidth: Int
    /// The input box from that row down: one row, or several for a multi-line field.
    public var input: ScreenRegion
    /// The line under the field for its problem or hint, from under the label to the end of
    /// the box; nil when that line is scrolled out of the form's window.
    public var message: ScreenRegion?
  }

  /// What the pane under (or beside) the form shows.
  public enum SecondaryPane: Sendable, Equatable {
    /// The history of recent leads.
    case history
    /// The request F2 would send now.
    case preview
  }

  /// The smallest screen the form is laid out on; below it a message asks for a larger window.
  public static let minimumColumns = 60
  /// The fewest rows: header, five fields with their message rows, history, status, key bar.
  public static let minimumRows = 16
  /// From this width on, the history pane stands beside the form instead of below it.
  public static let sideBySideColumns = 110
  /// The base fields, in the order they are shown and visited.
  public static let fieldOrder: [BaseField] = [.firstName, .lastName, .phone, .email, .comment]
  /// The first row of the form's window.
  static let firstFormRow = 2

  /// Rows of the screen.
  public let rows: Int
  /// Columns of the screen.
  public let columns: Int
  /// True when the screen is smaller than the minimum and only a message is shown.
  public let isTooSmall: Bool
  /// True when the history or preview pane stands beside the form.
  public let isSideBySide: Bool
  /// The window the form's rows scroll through.
  public let form: ScreenRegion
  /// Columns the labels take.
  public let labelWidth: Int
  /// The column where the input boxes start.
  public let inputColumn: Int
  /// Columns of every input box.
  public let inputWidth: Int
  /// The history or preview pane.
  public let secondary: ScreenRegion
  /// The row of the status line.
  public let statusRow: Int
  /// The row of the key bar.
  public let keyBarRow: Int

  /// Lays out a screen of `rows` × `columns` for a form; negative sizes count as zero. Below
  /// the form the history keeps a few rows however long the form is; the preview takes half.
  public init(
    rows: Int, columns: Int, outline: FormOutline = .base, secondaryPane: SecondaryPane = .history
  ) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
    isTooSmall = self.rows < Self.minimumRows || self.columns < Self.minimumColumns
    isSideBySide = self.columns >= Self.sideBySideColumns
    statusRow = self.rows - 2
    keyBarRow = self.rows - 1

    // Beside the other pane the form takes half the screen, between 60 and 72 columns: enough
    // for a phone or an address in full, leaving the rest to the history's rows.
    let formWidth = isSideBySide ? max(60, min(72, self.columns / 2)) : self.columns
    let widest = outline.fields.map { DisplayWidth.of($0.label) + ($0.required ? 2 : 0) }
    labelWidth = min(widest.max() ?? 0, max(10, (formWidth - 4) / 3))
    inputColumn = 2 + labelWidth + 2
    inputWidth = max(0, formWidth - inputColumn - 1)

    let top = Self.firstFormRow
    let body = max(0, statusRow - top)
    if isSideBySide {
      form = ScreenRegion(top: top, left: 0, height: body, width: formWidth)
      secondary = ScreenRegion(
        top: top, left: formWidth + 1, height: body, width: max(0, self.columns - formWidth - 1))
    } else {
      let wanted = secondaryPane == .preview ? body / 2 : max(2, min(5, body - 10))
      let lower = max(min(wanted, body - 2), body - outline.rows.count)
      form = ScreenRegion(top: top, left: 0, height: max(0, body - lower), width: formWidth)
      secondary = ScreenRegion(
        top: top + form.height, left: 0, height: max(0, lower), width: self.columns)
    }
  }

  /// The first row of the outline to show so that field `index` (its whole input box, its
  /// note, and the heading right above it when there is room) is in the window, moving as
  /// little as possible from `current`.
  public func scroll(keepingField index: Int, of outline: FormOutline, from current: Int) -> Int {
    guard outline.fieldRows.indices.contains(index) else { return 0 }
    let row = outline.fieldRows[index]
    let note = row + outline.inputRows[index]
    var top = row
    if row > 0, case .heading = outline.rows[row - 1], form.height >= note - row + 2 {
      top = row - 1
    }
    return ScrollWindow.offset(
      showing: top...note, from: current, height: form.height, count: outline.rows.count)
  }

  /// Where field `index` is drawn with the window scrolled to `scroll`; nil when its first
  /// row is out of the window. A multi-line box is cut at the window's bottom.
  public func slot(ofField index: Int, of outline: FormOutline, scroll: Int) -> FieldSlot? {
    guard outline.fieldRows.indices.contains(index) else { return nil }
    let row = outline.fieldRows[index] - scroll
    guard row >= 0, row < form.height else { return nil }
    let screenRow = form.top + row
    let boxRows = outline.inputRows[index]
    let noteRow = row + boxRows
    return FieldSlot(
      row: screenRow, markColumn: 1, labelColumn: 2, labelWidth: labelWidth,
      input: ScreenRegion(
        top: screenRow, left: inputColumn, height: min(boxRows, form.height - row),
        width: inputWidth),
      message: noteRow < form.height
        ? ScreenRegion(
          top: form.top + noteRow, left: 4, height: 1,
          width: max(0, inputColumn + inputWidth - 4))
        : nil)
  }
}

extension BaseField {
  /// The field's label on the form, in English.
  public var label: String { label(in: .english) }

  /// The field's label on the form, in `language`.
  public func label(in language: InterfaceLanguage) -> String {
    switch self {
    case .firstName: language.text(.labelFirstName)
    case .lastName: language.text(.labelLastName)
    case .phone: language.text(.labelPhone)
    case .email: language.text(.labelEmail)
    case .comment: language.text(.labelComment)
    }
  }
}
