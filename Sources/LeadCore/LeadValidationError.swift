/// One field that fails the checks, and why.
public struct FieldProblem: Equatable, Sendable {
  /// The field's code: a base field's code (`email`) or an extra field's code as typed.
  public var field: String
  /// What is wrong, in words an operator can act on.
  public var message: String

  /// Creates a problem.
  public init(field: String, message: String) {
    self.field = field
    self.message = message
  }
}

extension FieldProblem: CustomStringConvertible {
  /// `field: message`, with a placeholder for an extra field that has no code yet.
  public var description: String {
    "\(field.isEmpty ? "(no code)" : field): \(message)"
  }
}

/// A lead that must not be sent: every failing field, in the form's order.
public struct LeadValidationError: Error, Equatable, Sendable {
  /// The problems, one per failing check, in the order the fields appear in the form.
  public var problems: [FieldProblem]

  /// Creates the error.
  public init(problems: [FieldProblem]) {
    self.problems = problems
  }

  /// The codes of the fields that fail, each once, in form order.
  public var fields: [String] {
    var seen: Set<String> = []
    return problems.map(\.field).filter { seen.insert($0).inserted }
  }
}

extension LeadValidationError: CustomStringConvertible {
  /// One line per problem, e.g. `email: not an e-mail address`.
  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}
