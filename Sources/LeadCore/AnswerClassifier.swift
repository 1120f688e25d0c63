import Foundation

/// Decides which of the four outcomes one exchange with the CRM had.
///
/// The order matters: first what certainly did not reach the CRM (safe to resend), then an
/// explicit rejection, then an explicit success; anything else may or may not have created the
/// deal and is uncertain. Any bytes at all may arrive, so nothing here traps.
public enum AnswerClassifier {
  /// The outcome of one exchange, with a reason that is safe to show on a terminal.
  public static func outcome(for result: TransportResult) -> Outcome {
    switch result {
    case .failed(let requestSent, let reason):
      let words = TextExcerpt.of(reason, limit: 160)
      return requestSent
        ? Outcome(kind: .uncertain, reason: "no answer after the request went out: \(words)")
        : Outcome(kind: .notDelivered, reason: "not sent: \(words)")
    case .answered(let status, let headers, let body, let bodyOverflowed):
      return outcome(status: status, headers: headers, body: body, overflowed: bodyOverflowed)
    }
  }

  /// The most error codes kept from one answer; the CRM's documented answers hold one to three.
  public static let maximumListedCodes = 10

  /// Statuses that mean a gateway or limiter in front of the CRM turned the request away.
  static let refusingStatuses: Set<Int> = [429, 502, 503]

  private static func outcome(
    status: Int, headers: [String: String], body: [UInt8], overflowed: Bool
  ) -> Outcome {
    let prefix = "HTTP \(status)"
    let excerpt = body.isEmpty ? "empty answer" : TextExcerpt.of(body)

    if (300...399).contains(status) {
      let target = headers["location"].map { TextExcerpt.of($0, limit: 120) } ?? ""
      let destination = target.isEmpty ? "with no target" : "to \(target)"
      return Outcome(
        kind: .notDelivered, httpStatus: status,
        reason: "\(prefix): redirect \(destination), not followed; check the endpoint")
    }
    if refusingStatuses.contains(status) {
      return Outcome(
        kind: .notDelivered, httpStatus: status,
        reason: "\(prefix) \(refusalWords(status, headers: headers)): \(excerpt)")
    }
    if overflowed {
      return Outcome(
        kind: .uncertain, httpStatus: status, reason: "\(prefix): answer too large: \(excerpt)")
    }

    switch CRMAnswer.parse(body) {
    case .rejected(let allCodes):
      // Each code once, and only the first few: a hostile answer could list thousands, and the
      // reason goes onto the screen and into the history with every attempt.
      var seen: Set<Int> = []
      let unique = allCodes.filter { seen.insert($0).inserted }
      let errors = unique.prefix(maximumListedCodes).map(CRMErrorCode.init(code:))
      let omitted = unique.count - errors.count
      let list = errors.map { "\($0.code) (\($0.message))" }.joined(separator: ", ")
      let more = omitted > 0 ? " and \(omitted) more" : ""
      return Outcome(
        kind: .rejected, httpStatus: status, errors: Array(errors),
        reason: "\(prefix): CRM refused the lead: error \(list)\(more)")
    case .accepted where (200...299).contains(status):
      return Outcome(kind: .accepted, httpStatus: status, reason: "\(prefix): lead accepted")
    case .accepted:
      return Outcome(
        kind: .uncertain, httpStatus: status,
        reason: "\(prefix): success answer with an error status: \(excerpt)")
    case .unrecognised:
      let what = body.isEmpty ? "" : "not a CRM answer: "
      return Outcome(kind: .uncertain, httpStatus: status, reason: "\(prefix): \(what)\(excerpt)")
    }
  }

  private static func refusalWords(_ status: Int, headers: [String: String]) -> String {
    switch status {
    case 429:
      let wait = headers["retry-after"].map { TextExcerpt.of($0, limit: 40) } ?? ""
      return wait.isEmpty ? "too many requests" : "too many requests, retry after \(wait)"
    case 502: return "bad gateway"
    default: return "service unavailable"
    }
  }
}

/// What a body says in the CRM's documented JSON, if it says anything.
enum CRMAnswer: Equatable {
  /// `{"result":"success"}`.
  case accepted
  /// `{"result":"error","errors":[...]}` with at least one code.
  case rejected([Int])
  /// Anything else: not JSON, not an object, another shape.
  case unrecognised

  /// Reads a body; extra members are ignored and codes may be numbers or digit strings.
  static func parse(_ body: [UInt8]) -> CRMAnswer {
    guard body.first(where: { !isJSONSpace($0) }) == UInt8(ascii: "{"),
      let answer = try? JSONDecoder().decode(Shape.self, from: Data(body))
    else {
      return .unrecognised
    }
    switch answer.result {
    case "success":
      // A success that also lists error codes contradicts itself: nobody can say what the
      // CRM did, so it is not taken as accepted.
      return (answer.errors ?? []).isEmpty ? .accepted : .unrecognised
    case "error":
      let codes = (answer.errors ?? []).compactMap(\.code)
      return codes.isEmpty ? .unrecognised : .rejected(codes)
    default:
      return .unrecognised
    }
  }

  private static func isJSONSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// The two members that matter; a wrong type in either makes the body unrecognised.
  private struct Shape: Decodable {
    var result: String?
    var errors: [Code]?
  }

  /// One element of `errors`, tolerant of its type so one odd element does not hide the rest.
  private struct Code: Decodable {
    var code: Int?

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Int.self) {
        code = number
      } else if let text = try? container.decode(String.self),
        let number = Int(text.trimmingSurroundingWhitespace()), number >= 0
      {
        code = number
      } else {
        code = nil
      }
    }
  }
}
