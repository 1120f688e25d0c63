/// What the CRM said about a key, from a request that carries the key alone.
public enum KeyCheck: Sendable, Equatable {
  /// The CRM answered only 102 (no phone or e-mail): it accepted the key and would have taken
  /// a lead.
  case valid
  /// The CRM answered 100: the key is empty.
  case empty
  /// The CRM answered 101: the key is wrong.
  case wrong
  /// Any other answer, kept as it came (not delivered, uncertain, other codes, a success).
  case inconclusive(Outcome)

  /// The verdict in words an admin can act on.
  public var description: String {
    switch self {
    case .valid: "the key is valid: the CRM accepted it"
    case .empty: "the key is empty (CRM error 100)"
    case .wrong: "the key is wrong (CRM error 101)"
    case .inconclusive(let outcome):
      switch outcome.kind {
      case .notDelivered: "the CRM was not reached: \(outcome.reason)"
      case .uncertain: "no verdict, the answer was unclear: \(outcome.reason)"
      case .rejected:
        "no verdict, the CRM answered "
          + outcome.errors.map { "\($0.code) \($0.message)" }.joined(separator: ", ")
      case .accepted: "no verdict: the CRM reported success for a request without a lead"
      }
    }
  }
}

extension CRMClient {
  /// Asks the CRM about the key with a request holding nothing else, so no lead can be
  /// created: a valid key draws only error 102 (neither phone nor e-mail).
  public func checkKey() async -> KeyCheck {
    let form = FormEncoder.encode([FormPair(name: "key", value: key.value)])
    let result = await transport.perform(request(carrying: form), timeouts: timeouts)
    let outcome = AnswerClassifier.outcome(for: redactingKey(in: result))
    return Self.verdict(on: outcome)
  }

  /// Reads the outcome of a key-only request.
  static func verdict(on outcome: Outcome) -> KeyCheck {
    let codes = Set(outcome.errors.map(\.code))
    guard outcome.kind == .rejected else { return .inconclusive(outcome) }
    if codes.contains(100) { return .empty }
    if codes.contains(101) { return .wrong }
    if codes == [102] { return .valid }
    return .inconclusive(outcome)
  }
}
