import Foundation

/// One field of a draft: the field's code and its text exactly as typed (`1` or `0` for a
/// yes/no field).
public struct DraftField: Sendable, Equatable, Codable {
  /// The field's code, as the CRM knows it (`first_name`, `phone`, a schema code).
  public var code: String
  /// The text as typed, untrimmed.
  public var value: String

  /// Creates a draft field.
  public init(code: String, value: String) {
    self.code = code
    self.value = value
  }
}

/// The lead an operator was typing, kept on disk while it is typed so that a console stopped
/// by a hang-up, a kill or a crash can offer it back on its next start.
public struct Draft: Sendable, Equatable, Codable {
  /// The version of the file's layout, so a later console can tell an older draft apart.
  public static let formatVersion = 1

  /// When the draft was written.
  public var savedAt: Date
  /// The code of the field that had the focus, if any.
  public var focus: String?
  /// Every field of the form in the form's order, empty ones included, so the form comes back
  /// exactly (a cleared default stays cleared).
  public var fields: [DraftField]

  /// Creates a draft.
  public init(savedAt: Date, focus: String?, fields: [DraftField]) {
    self.savedAt = savedAt
    self.focus = focus
    self.fields = fields
  }

  /// True when both hold the same form, whenever they were saved.
  public func holdsSameForm(as other: Draft) -> Bool {
    focus == other.focus && fields == other.fields
  }

  private enum CodingKeys: String, CodingKey {
    case version
    case savedAt = "saved_at"
    case focus
    case fields
  }

  /// Reads a draft; a file of a later layout version is refused rather than half understood.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .version)
    guard version == Self.formatVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: container, debugDescription: "unknown draft version \(version)")
    }
    savedAt = try container.decode(Date.self, forKey: .savedAt)
    focus = try container.decodeIfPresent(String.self, forKey: .focus)
    fields = try container.decode([DraftField].self, forKey: .fields)
  }

  /// Writes the draft with its layout version.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.formatVersion, forKey: .version)
    try container.encode(savedAt, forKey: .savedAt)
    try container.encodeIfPresent(focus, forKey: .focus)
    try container.encode(fields, forKey: .fields)
  }
}
