/// A value that a schema field does not accept, naming the field by its label and code.
public struct FieldValueError: Error, Equatable, Sendable {
  /// Why a value is refused.
  public enum Reason: Error, Equatable, Sendable {
    /// The field is required and was left empty.
    case required
    /// Not a number; the detail says what is wrong with it.
    case notANumber(String)
    /// Not a calendar date; the detail says what is wrong with it.
    case notADate(String)
    /// Not one of the words a yes/no field accepts.
    case notABoolean
    /// Matches no option's value or label; carries the labels to choose from.
    case notAnOption(choices: [String])
    /// Fails the base phone rule; carries that rule's message.
    case invalidPhone(String)
    /// Fails the base e-mail rule; carries that rule's message.
    case invalidEmail(String)
  }

  /// The field's code.
  public var code: String
  /// The field's label, as the form shows it.
  public var label: String
  /// What is wrong.
  public var reason: Reason

  /// Creates the error.
  public init(code: String, label: String, reason: Reason) {
    self.code = code
    self.label = label
    self.reason = reason
  }

  /// The problem alone, for a message shown beside the field itself.
  public var message: String {
    switch reason {
    case .required:
      return "required: fill it in before sending"
    case .notANumber(let detail):
      return "not a number: \(detail)"
    case .notADate(let detail):
      return "not a date: \(detail)"
    case .notABoolean:
      return "not yes or no: use 1 or 0, yes or no, true or false, да or нет"
    case .notAnOption(let choices):
      let shown = choices.prefix(Self.choicesShown).joined(separator: ", ")
      let more = choices.count > Self.choicesShown ? ", …" : ""
      return "not one of the options (\(shown)\(more))"
    case .invalidPhone(let detail), .invalidEmail(let detail):
      return detail
    }
  }

  /// The same problem as the lead's validation reports it, under the field's code.
  public var fieldProblem: FieldProblem {
    FieldProblem(field: code, message: message)
  }

  /// Options named in a message at most; a long list is cut with an ellipsis.
  static let choicesShown = 8
}

extension FieldValueError: CustomStringConvertible {
  /// `Label (code): message`, e.g. `Budget (budget): not a number: "1.2.3" has two decimal
  /// separators`.
  public var description: String {
    "\(label) (\(code)): \(message)"
  }
}
