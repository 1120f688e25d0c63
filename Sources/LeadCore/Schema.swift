/// The fields an admin added to the form beyond the five base fields, in the order the form
/// shows and sends them; every code checked (see `SchemaLoader` for the file that holds them).
public struct Schema: Sendable, Equatable {
  /// The schema's own fields, in file order; the base fields are not among them.
  public private(set) var fields: [SchemaField]
  /// Each field's position in `fields`, by code.
  private var positions: [String: Int]

  /// Most fields a schema may hold, so that a generated or corrupted file cannot make the form
  /// unusably long.
  public static let maximumFieldCount = 1_000

  /// A schema with no fields of its own: the form holds the base fields only.
  public init() {
    fields = []
    positions = [:]
  }

  /// A schema built in code, checked by the same rules as a file: valid codes, each once, no
  /// base code, select options, date formats and defaults that pass their type.
  ///
  /// Problems carry the field's position and code but no line or column; their path is
  /// `schema`.
  public init(fields: [SchemaField]) throws(SchemaLoadError) {
    let path = "schema"
    guard fields.count <= Self.maximumFieldCount else {
      throw .invalid(
        path: path,
        problems: [SchemaProblem(path: path, message: Self.tooManyFieldsMessage(fields.count))])
    }
    var problems: [[SchemaProblem]] = fields.enumerated().map { index, field in
      let messages =
        SchemaRules.codeProblems(field.code)
        + SchemaRules.fieldProblems(field).map(\.message)
      return messages.map {
        SchemaProblem(path: path, fieldIndex: index + 1, code: field.code, message: $0)
      }
    }
    for (index, message) in SchemaRules.collisionProblems(fields.map(\.code)) {
      problems[index].append(
        SchemaProblem(
          path: path, fieldIndex: index + 1, code: fields[index].code, message: message))
    }
    let all = problems.flatMap { $0 }
    guard all.isEmpty else {
      throw .invalid(path: path, problems: all)
    }
    self.init(checkedFields: fields)
  }

  /// A schema of fields that already passed every check.
  init(checkedFields fields: [SchemaField]) {
    self.fields = fields
    var positions: [String: Int] = [:]
    for (index, field) in fields.enumerated() {
      positions[field.code] = positions[field.code] ?? index
    }
    self.positions = positions
  }

  /// Every field of the form: the five base fields (First name, Last name, Phone, Email,
  /// Comment) and then the schema's fields.
  public var allFields: [SchemaField] {
    SchemaField.baseFields + fields
  }

  /// The schema field with this exact code, or nil; base fields are not looked up here.
  public func field(code: String) -> SchemaField? {
    positions[code].map { fields[$0] }
  }

  /// Whether the schema has a field with this exact code.
  public func contains(code: String) -> Bool {
    positions[code] != nil
  }

  /// The schema's fields of one group, in schema order.
  public func fields(in group: FieldGroup) -> [SchemaField] {
    fields.filter { $0.group == group }
  }

  /// The message for a schema over `maximumFieldCount`.
  static func tooManyFieldsMessage(_ count: Int) -> String {
    "the schema has \(count) fields; at most \(maximumFieldCount) are allowed"
  }
}
