/// How one delivery attempt ended. Every attempt ends in exactly one of these.
public enum OutcomeKind: String, Sendable, Equatable, Codable, CaseIterable {
  /// The CRM answered `{"result":"success"}`.
  case accepted
  /// The CRM answered `{"result":"error", ...}` with one or more codes.
  case rejected
  /// The CRM certainly did not take the lead: sending again is safe.
  case notDelivered = "not_delivered"
  /// The request went out but the answer does not say what happened: the CRM may have the lead.
  case uncertain
}

/// One error code from the CRM's answer, with the operator-facing message.
public struct CRMErrorCode: Sendable, Equatable, Codable {
  /// The code as the CRM sent it (100, 101, 102 or any other).
  public var code: Int
  /// What the code means, in words.
  public var message: String

  /// Creates a code with the message the vendor's document gives for it.
  public init(code: Int) {
    self.code = code
    self.message = CRMErrorCode.message(for: code)
  }

  /// The vendor's meaning of a code; any undocumented code is a generic API error.
  public static func message(for code: Int) -> String {
    switch code {
    case 100: "API key is empty"
    case 101: "API key is wrong"
    case 102: "neither phone nor email given"
    default: "API error \(code)"
    }
  }
}

/// The result of one attempt: its kind and everything needed to explain it.
public struct Outcome: Sendable, Equatable, Codable {
  /// Which of the four outcomes this is.
  public var kind: OutcomeKind
  /// The HTTP status, when an answer arrived.
  public var httpStatus: Int?
  /// The CRM's error codes, for a rejection.
  public var errors: [CRMErrorCode]
  /// Why, in words: the status and a cleaned excerpt of the body, or the transport error.
  public var reason: String

  /// Creates an outcome.
  public init(
    kind: OutcomeKind, httpStatus: Int? = nil, errors: [CRMErrorCode] = [], reason: String
  ) {
    self.kind = kind
    self.httpStatus = httpStatus
    self.errors = errors
    self.reason = reason
  }
}
