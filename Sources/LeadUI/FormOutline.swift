import LeadCore

/// One row of the form before it is scrolled onto the screen.
public enum FormRow: Sendable, Equatable {
  /// A field's label and input box; the number is the field's place in `FormOutline.fields`.
  case field(Int)
  /// The line under a field: its problem, or its hint while it has the focus.
  case note(Int)
  /// The title over the schema's fields of one group.
  case heading(FieldGroup)
  /// One line of the notice of a schema that could not be used.
  case notice(String)
}

/// The form's fields in the order they are shown and visited, and the rows they take: the base
/// fields, then the schema's contact fields under a "Contact" heading and its deal fields
/// under a "Deal" heading, each field on two rows (the field, then its note). Built once from
/// the context; every pane and the state share it.
public struct FormOutline: Sendable {
  /// Every field of the form, in visit order; the base fields first.
  public let fields: [SchemaField]
  /// The rows of the form, top to bottom.
  public let rows: [FormRow]
  /// The row of each field, by its place in `fields`.
  public let fieldRows: [Int]
  /// Each field's code and label in lower case, for filtering without case.
  let searchKeys: [(code: String, label: String)]
  private let placesByCode: [String: Int]

  /// Rows of a schema notice shown in the form at most; the rest is one "more" row.
  public static let noticeRowsShown = 6
  /// The width the notice is wrapped to: what the narrowest form leaves beside its margin.
  public static let noticeWidth = FormLayout.minimumColumns - 6

  /// The outline of a form with the schema's fields, and the notice of a schema that could not
  /// be used shown after the base fields.
  public init(schema: Schema, notice: String? = nil) {
    let grouped = FieldGroup.allCases.map { schema.fields(in: $0) }
    fields = SchemaField.baseFields + grouped.flatMap { $0 }

    var rows: [FormRow] = []
    var fieldRows: [Int] = []
    func add(_ field: Int) {
      fieldRows.append(rows.count)
      rows += [.field(field), .note(field)]
    }
    for index in SchemaField.baseFields.indices { add(index) }
    if let notice {
      rows += FormOutline.noticeLines(notice).map { .notice($0) }
    }
    var next = SchemaField.baseFields.count
    for (group, members) in zip(FieldGroup.allCases, grouped) where !members.isEmpty {
      rows.append(.heading(group))
      for _ in members {
        add(next)
        next += 1
      }
    }
    self.rows = rows
    self.fieldRows = fieldRows
    searchKeys = fields.map { ($0.code.lowercased(), $0.label.lowercased()) }
    var places: [String: Int] = [:]
    for (index, field) in fields.enumerated() where places[field.code] == nil {
      places[field.code] = index
    }
    placesByCode = places
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

  /// The notice as the form shows it: wrapped to `noticeWidth`, at most `noticeRowsShown`
  /// rows, the last saying how many more there are and where to read them all.
  static func noticeLines(_ notice: String) -> [String] {
    let lines = DisplayWidth.wrapped(notice, toWidth: noticeWidth)
      .filter { !$0.allSatisfy(\.isWhitespace) }
    guard lines.count > noticeRowsShown else { return lines }
    let hidden = lines.count - noticeRowsShown + 1
    return lines.prefix(noticeRowsShown - 1)
      + ["… \(hidden) more lines: lead-console schema check lists them all"]
  }
}
