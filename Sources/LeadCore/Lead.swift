/// One lead as an operator enters it: the five base fields and ordered extra fields.
public struct Lead: Sendable, Equatable, Codable {
  /// The client's first name (`first_name`).
  public var firstName: String
  /// The client's last name (`last_name`).
  public var lastName: String
  /// The client's phone number (`phone`).
  public var phone: String
  /// The client's e-mail address (`email`).
  public var email: String
  /// A free-text comment (`comment`), sent exactly as typed.
  public var comment: String
  /// Extra fields by their CRM code, in the order they are sent.
  public var extraFields: [ExtraField]

  /// Creates a lead; every field defaults to empty.
  public init(
    firstName: String = "",
    lastName: String = "",
    phone: String = "",
    email: String = "",
    comment: String = "",
    extraFields: [ExtraField] = []
  ) {
    self.firstName = firstName
    self.lastName = lastName
    self.phone = phone
    self.email = email
    self.comment = comment
    self.extraFields = extraFields
  }
}

/// A field the CRM knows by a code of the admin's choosing (a custom contact or deal field).
public struct ExtraField: Sendable, Equatable, Codable {
  /// The field's code, as the CRM's "Site integration" page shows it.
  public var code: String
  /// The value, sent as given.
  public var value: String

  /// Creates an extra field.
  public init(code: String, value: String) {
    self.code = code
    self.value = value
  }
}

/// The five fields every lead has, with the codes the CRM expects.
public enum BaseField: String, Sendable, CaseIterable, Codable {
  case firstName = "first_name"
  case lastName = "last_name"
  case phone
  case email
  case comment

  /// The form field's code in the request.
  public var code: String { rawValue }

  /// The order in which the vendor's example sends the base fields, after `key`.
  public static let wireOrder: [BaseField] = [.phone, .email, .firstName, .lastName, .comment]
}

extension Lead {
  /// The value of one base field.
  public subscript(field: BaseField) -> String {
    get {
      switch field {
      case .firstName: firstName
      case .lastName: lastName
      case .phone: phone
      case .email: email
      case .comment: comment
      }
    }
    set {
      switch field {
      case .firstName: firstName = newValue
      case .lastName: lastName = newValue
      case .phone: phone = newValue
      case .email: email = newValue
      case .comment: comment = newValue
      }
    }
  }
}
