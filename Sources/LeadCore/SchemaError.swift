/// Why a schema file could not be used.
public enum SchemaLoadError: Error, Equatable, Sendable {
  /// The file cannot be read at all (missing, a directory, no permission); `schema check` exits
  /// with 2.
  case unreadable(path: String, reason: String)
  /// The file was read and holds problems, every one of them found in one pass; `schema check`
  /// exits with 1.
  case invalid(path: String, problems: [SchemaProblem])

  /// The file the error is about, as it was given.
  public var path: String {
    switch self {
    case .unreadable(let path, _), .invalid(let path, _): path
    }
  }

  /// The problems of an invalid file; empty for an unreadable one.
  public var problems: [SchemaProblem] {
    if case .invalid(_, let problems) = self { problems } else { [] }
  }

  /// One line for a notice on screen: the first problem and how many more there are, or why
  /// the file cannot be read.
  public var summary: String {
    let problems = problems
    guard let first = problems.first else {
      return description
    }
    switch problems.count {
    case 1: return first.description
    case 2: return first.description + " (and 1 more problem)"
    default: return first.description + " (and \(problems.count - 1) more problems)"
    }
  }
}

extension SchemaLoadError: CustomStringConvertible {
  /// One line per problem, or the reason the file cannot be read.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read the schema file \(path): \(reason)"
    case .invalid(_, let problems):
      return problems.map(\.description).joined(separator: "\n")
    }
  }
}

/// One thing wrong in a schema file, with where it is.
public struct SchemaProblem: Equatable, Sendable {
  /// The file, as it was given (shown first in the description).
  public var path: String
  /// The field's position in the file's `fields` list, counting from 1 as the description
  /// shows it; nil for a problem of the whole file.
  public var fieldIndex: Int?
  /// The field's code as written, when it has one that is text.
  public var code: String?
  /// The line, counting from 1, when the problem has a place in the file.
  public var line: Int?
  /// The column in characters, counting from 1, when the problem has a place in the file.
  public var column: Int?
  /// What is wrong, in words an admin can act on.
  public var message: String

  /// Creates a problem.
  public init(
    path: String,
    fieldIndex: Int? = nil,
    code: String? = nil,
    line: Int? = nil,
    column: Int? = nil,
    message: String
  ) {
    self.path = path
    self.fieldIndex = fieldIndex
    self.code = code
    self.line = line
    self.column = column
    self.message = message
  }
}

extension SchemaProblem: CustomStringConvertible {
  /// `path:line:column: field N "code": message`, leaving out what is not known, e.g.
  /// `schema.json:14:15: field 3 "city": unknown type "sting" (expected one of string, ...)`.
  public var description: String {
    var place = path
    if let line {
      place += ":\(line)"
      if let column {
        place += ":\(column)"
      }
    }
    var subject = ""
    if let fieldIndex {
      subject = "field \(fieldIndex)"
      if let code {
        subject += " " + SchemaJSONText.quoted(code)
      }
      subject += ": "
    }
    return "\(place): \(subject)\(message)"
  }
}
