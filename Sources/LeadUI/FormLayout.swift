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

/// Where everything goes on a screen of a given size: header, form fields, history pane,
/// status line and key bar. Computed from the size alone, so the state and the renderer agree.
public struct FormLayout: Sendable, Equatable {
  /// Where one field's label, input box and message go.
  public struct FieldSlot: Sendable, Equatable {
    /// The row of the label and the input box.
    public var row: Int
    /// The column of the mark shown beside a field that fails the checks.
    public var markColumn: Int
    /// The column of the label.
    public var labelColumn: Int
    /// The input box on that row.
    public var input: ScreenRegion
    /// The line under the field where its problem is written, from under the label to the end
    /// of the box, so most messages fit whole.
    public var message: ScreenRegion
  }

  /// The smallest screen the form is laid out on; below it a message asks for a larger window.
  public static let minimumColumns = 60
  /// The fewest rows: header, five fields with their message rows, history, status, key bar.
  public static let minimumRows = 16
  /// From this width on, the history pane stands beside the form instead of below it.
  public static let sideBySideColumns = 110
  /// The form's fields, in the order they are shown and visited.
  public static let fieldOrder: [BaseField] = [.firstName, .lastName, .phone, .email, .comment]

  /// Rows of the screen.
  public let rows: Int
  /// Columns of the screen.
  public let columns: Int
  /// True when the screen is smaller than the minimum and only a message is shown.
  public let isTooSmall: Bool
  /// True when the history pane stands beside the form.
  public let isSideBySide: Bool
  /// The slot of each field, in `fieldOrder`.
  public let fields: [FieldSlot]
  /// The history pane.
  public let history: ScreenRegion
  /// The row of the status line.
  public let statusRow: Int
  /// The row of the key bar.
  public let keyBarRow: Int

  /// Lays out a screen of `rows` × `columns`; negative sizes count as zero.
  public init(rows: Int, columns: Int) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
    isTooSmall = self.rows < Self.minimumRows || self.columns < Self.minimumColumns
    isSideBySide = self.columns >= Self.sideBySideColumns
    statusRow = self.rows - 2
    keyBarRow = self.rows - 1

    // Beside the history the form takes half the screen, between 60 and 72 columns: enough
    // for a phone or an address in full, leaving the rest to the history's rows.
    let formWidth = isSideBySide ? max(60, min(72, self.columns / 2)) : self.columns
    let labelWidth = FormLayout.fieldOrder.map { DisplayWidth.of($0.label) }.max() ?? 0
    let labelColumn = 2
    let inputColumn = labelColumn + labelWidth + 2
    let inputWidth = max(0, formWidth - inputColumn - 1)
    let firstFieldRow = 2
    fields = FormLayout.fieldOrder.indices.map { index in
      let row = firstFieldRow + 2 * index
      return FieldSlot(
        row: row,
        markColumn: 1,
        labelColumn: labelColumn,
        input: ScreenRegion(top: row, left: inputColumn, height: 1, width: inputWidth),
        message: ScreenRegion(
          top: row + 1, left: labelColumn + 2, height: 1,
          width: max(0, inputColumn + inputWidth - labelColumn - 2))
      )
    }

    let formBottom = firstFieldRow + 2 * FormLayout.fieldOrder.count
    if isSideBySide {
      history = ScreenRegion(
        top: firstFieldRow, left: formWidth + 1,
        height: max(0, statusRow - firstFieldRow), width: max(0, self.columns - formWidth - 1))
    } else {
      history = ScreenRegion(
        top: formBottom, left: 0, height: max(0, statusRow - formBottom), width: self.columns)
    }
  }

  /// The slot of one field.
  public func slot(of field: BaseField) -> FieldSlot? {
    FormLayout.fieldOrder.firstIndex(of: field).map { fields[$0] }
  }
}

extension BaseField {
  /// The field's label on the form.
  public var label: String {
    switch self {
    case .firstName: "First name"
    case .lastName: "Last name"
    case .phone: "Phone"
    case .email: "Email"
    case .comment: "Comment"
    }
  }
}
