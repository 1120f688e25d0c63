/// One field of the form beyond the CRM's own base fields: a custom contact or deal field, or an
/// extra contact parameter, known to the CRM by its code.
public struct SchemaField: Sendable, Equatable {
  /// The code the value is sent under, as the CRM's "Site integration" page shows it.
  public var code: String
  /// Whether the CRM keeps the field on the contact or on the deal.
  public var group: FieldGroup
  /// What the field holds, which decides how its value is checked and written.
  public var type: FieldType
  /// The name the operator sees in the form.
  public var label: String
  /// A line of help shown under the field while it has the focus; empty for none.
  public var hint: String
  /// Whether the lead cannot be sent while the field is empty.
  public var required: Bool
  /// The text the field starts with, as written in the schema; nil for none.
  public var defaultValue: String?
  /// For a date, how it is sent, written with the tokens `dd`, `MM` and `yyyy`; nil elsewhere.
  public var format: String?

  /// Creates a field; nothing is checked until it becomes part of a `Schema`.
  public init(
    code: String,
    group: FieldGroup = .contact,
    type: FieldType = .string,
    label: String,
    hint: String = "",
    required: Bool = false,
    defaultValue: String? = nil,
    format: String? = nil
  ) {
    self.code = code
    self.group = group
    self.type = type
    self.label = label
    self.hint = hint
    self.required = required
    self.defaultValue = defaultValue
    self.format = format
  }

  /// The base field this is, for the five fields every form has; nil for a schema field.
  public var baseField: BaseField? {
    BaseField(rawValue: code)
  }

  /// The base fields as schema fields, in form order: names, phone, e-mail, comment.
  public static let baseFields: [SchemaField] = [
    SchemaField(code: BaseField.firstName.code, type: .string, label: "First name"),
    SchemaField(code: BaseField.lastName.code, type: .string, label: "Last name"),
    SchemaField(code: BaseField.phone.code, type: .phone, label: "Phone"),
    SchemaField(code: BaseField.email.code, type: .email, label: "Email"),
    SchemaField(code: BaseField.comment.code, type: .text, label: "Comment"),
  ]
}

/// Where the CRM keeps a field.
public enum FieldGroup: String, Sendable, Equatable, CaseIterable {
  /// A field of the contact (the person who called).
  case contact
  /// A field of the deal the lead creates.
  case deal
}

/// What a field holds; each type has its own rule for what the operator may type and what is
/// sent (see `SchemaField.normalise(_:)`).
public enum FieldType: Sendable, Equatable {
  /// One line of text, sent as typed.
  case string
  /// Longer free text, sent as typed.
  case text
  /// A number, sent as digits with `.` for decimals and no grouping.
  case number
  /// A calendar date, sent in the field's format.
  case date
  /// A phone number, checked like the base phone.
  case phone
  /// An e-mail address, checked like the base e-mail.
  case email
  /// A yes/no switch, sent as `1` or `0`.
  case boolean
  /// One choice out of a fixed list, sent as the chosen option's value.
  case select(options: [SelectOption])

  /// The type's name as the schema file writes it.
  public var name: String {
    switch self {
    case .string: "string"
    case .text: "text"
    case .number: "number"
    case .date: "date"
    case .phone: "phone"
    case .email: "email"
    case .boolean: "boolean"
    case .select: "select"
    }
  }

  /// Every type name the schema file accepts, in documentation order.
  public static let names = [
    "string", "text", "number", "date", "phone", "email", "boolean", "select",
  ]

  /// The options of a select; empty for every other type.
  public var options: [SelectOption] {
    if case .select(let options) = self { options } else { [] }
  }
}

/// One choice of a select field.
public struct SelectOption: Sendable, Equatable {
  /// What is sent when the option is chosen.
  public var value: String
  /// What the operator sees in the pick list.
  public var label: String

  /// Creates an option with a label of its own.
  public init(value: String, label: String) {
    self.value = value
    self.label = label
  }

  /// Creates an option that shows the value it sends, as a plain string does in the file.
  public init(_ value: String) {
    self.init(value: value, label: value)
  }
}
