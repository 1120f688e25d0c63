import LeadCore

/// One row of the form before it is scrolled onto the screen.
public enum FormRow: Sendable, Equatable {
  /// A field's label and (the first row of) its input box; the number is the field's place in
  /// `FormOutline.fields`.
  case field(Int)
  /// A further row of a multi-line field's input box: the field's place, and the row's number
  /// inside the box (1 for the second row).
  case continuation(Int, Int)
  /// The line under a field: its problem, or its hint while it has the focus.
  case note(Int)
  /// The title over the schema's fields of one group.
  case heading(FieldGroup)
  /// One line of the notice of a schema that could not be used.
  case notice(String)
}

/// The form's fields in the order they are shown and visited, and the rows they take: the base
/// fields, then the schema's contact fields under a "Contact" heading and its deal fields
/// under a "Deal" heading, each field on its input box's rows (one, or up to
/// `TextField.maximumVisibleRows` for a multi-line field) and then its note. Built from the
/// context; every pane and the state share it, and the state resizes a multi-line field's
/// box as its text grows.
public struct FormOutline: Sendable {
  /// Every field of the form, in visit order; the base fields first.
  public let fields: [SchemaField]
  /// The rows of the form, top to bottom.
  public private(set) var rows: [FormRow]
  /// The row of each field, by its place in `fields`.
  public private(set) var fieldRows: [Int]
  /// Rows of each field's input box, by its place in `fields`.
  public private(set) var inputRows: [Int]
  /// Each field's code and label in lower case, for filtering without case.
  let searchKeys: [(code: String, label: String)]
  private let placesByCode: [String: Int]
  /// The notice's lines, shown after the base fields.
  private let noticeLines: [String]

  /// Rows of a schema notice shown in the form at most; the rest is one "more" row.
  public static let noticeRowsShown = 6
  /// The width the notice is wrapped to: what the narrowest form leaves beside its margin.
  public static let noticeWidth = FormLayout.minimumColumns - 6

  /// The outline of a form with the schema's fields, and the notice of a schema that could not
  /// be used shown after the base fields; every input box one row high. The base fields are
  /// labelled in `language`; the schema's fields keep the labels the schema gives them.
  public init(schema: Schema, notice: String? = nil, language: InterfaceLanguage = .english) {
    let base = SchemaField.baseFields.map { field in
      var labelled = field
      if let baseField = field.baseField { labelled.label = baseField.label(in: language) }
      return labelled
    }
    fields = base + FieldGroup.allCases.flatMap { schema.fields(in: $0) }
    noticeLines = notice.map { FormOutline.noticeLines($0, language: language) } ?? []
    inputRows = Array(repeating: 1, count: fields.count)
    searchKeys = fields.map { ($0.code.lowercased(), $0.label.lowercased()) }
    var places: [String: Int] = [:]
    for (index, field) in fields.enumerated() where places[field.code] == nil {
      places[field.code] = index
    }
    placesByCode = places
    rows = []
    fieldRows = []
    layOutRows()
  }

  /// The outline of the base form alone.
  public static let base = FormOutline(schema: Schema())

  /// The place in `fields` of the field with this code, or nil.
  public func index(ofCode code: String) -> Int? {
    placesByCode[code]
  }

  /// The place of a base field.
  public func index(of field: BaseField) -> Int? {
    placesByCode[field.code]
  }

  /// True for a field that holds several lines: the comment.
  public func isMultiLine(_ index: Int) -> Bool {
    fields.indices.contains(index) && fields[index].baseField == .comment
  }

  /// This outline with field `index`'s input box `count` rows high (at least one; only a
  /// multi-line field grows).
  public func resizingInput(ofField index: Int, toRows count: Int) -> FormOutline {
    guard inputRows.indices.contains(index), isMultiLine(index) else { return self }
    let wanted = max(1, count)
    guard inputRows[index] != wanted else { return self }
    var resized = self
    resized.inputRows[index] = wanted
    resized.layOutRows()
    return resized
  }

  /// Builds `rows` and `fieldRows` from the fields, the notice and the input boxes' heights.
  private mutating func layOutRows() {
    var rows: [FormRow] = []
    var fieldRows: [Int] = []
    func add(_ field: Int) {
      fieldRows.append(rows.count)
      rows.append(.field(field))
      for line in 1..<max(1, inputRows[field]) { rows.append(.continuation(field, line)) }
      rows.append(.note(field))
    }
    let baseCount = SchemaField.baseFields.count
    for index in 0..<baseCount { add(index) }
    rows += noticeLines.map { .notice($0) }
    var previousGroup: FieldGroup?
    for index in fields.indices.dropFirst(baseCount) {
      if fields[index].group != previousGroup {
        rows.append(.heading(fields[index].group))
        previousGroup = fields[index].group
      }
      add(index)
    }
    self.rows = rows
    self.fieldRows = fieldRows
  }

  /// The notice as the form shows it: wrapped to `noticeWidth`, at most `noticeRowsShown`
  /// rows, the last saying how many more there are and where to read them all.
  static func noticeLines(_ notice: String, language: InterfaceLanguage = .english) -> [String] {
    let lines = DisplayWidth.wrapped(notice, toWidth: noticeWidth)
      .filter { !$0.allSatisfy(\.isWhitespace) }
    guard lines.count > noticeRowsShown else { return lines }
    let hidden = lines.count - noticeRowsShown + 1
    return lines.prefix(noticeRowsShown - 1)
      + [language.text(.formNoticeMore, String(hidden))]
  }
}
