import Dispatch
import Foundation
import LeadCore
import LeadUI
import Synchronization

/// The command line's JSON output: one object per line, keys sorted, times in ISO 8601.
protocol JSONLineOutput: Encodable {}

extension JSONLineOutput {
  /// One line of JSON, safe on a terminal: JSONEncoder escapes C0 controls itself, and every
  /// other character a terminal would obey (DEL, C1 controls such as U+009B, bidi overrides,
  /// line separators) is written as a `\uXXXX` escape, which reads back as the same text.
  func jsonLine() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(self) else { return "{}" }
    return escapingTerminalControls(String(decoding: data, as: UTF8.self))
  }
}

/// JSON text with each terminal control written as `\uXXXX`; outside strings JSON holds only
/// ASCII punctuation, letters and digits, so only string contents change, and not in meaning.
func escapingTerminalControls(_ json: String) -> String {
  guard json.unicodeScalars.contains(where: TerminalText.isControl) else { return json }
  var output = String.UnicodeScalarView()
  for scalar in json.unicodeScalars {
    guard TerminalText.isControl(scalar) else {
      output.append(scalar)
      continue
    }
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let escape = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    output.append(contentsOf: escape.unicodeScalars)
  }
  return String(output)
}

/// One attempt's outcome as the command line prints it in JSON, with the history log's
/// snake_case names.
struct OutcomeJSON: Encodable {
  var kind: String
  var httpStatus: Int?
  var errors: [CRMErrorCode]
  var reason: String

  init(_ outcome: Outcome) {
    kind = outcome.kind.rawValue
    httpStatus = outcome.httpStatus
    errors = outcome.errors
    reason = outcome.reason
  }

  enum CodingKeys: String, CodingKey {
    case kind, errors, reason
    case httpStatus = "http_status"
  }
}

/// The machine-readable form of one attempt's outcome, for `send --json`: the lead's id beside
/// the outcome's own members, as in the history log's outcome records.
struct OutcomeReport: JSONLineOutput {
  var id: String
  var outcome: OutcomeJSON

  init(id: LeadID, outcome: Outcome) {
    self.id = id.description
    self.outcome = OutcomeJSON(outcome)
  }

  enum CodingKeys: String, CodingKey {
    case id
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try outcome.encode(to: encoder)
  }

}

/// Hands a value from a task back to the waiting thread.
private final class ResultBox<Value: Sendable>: Sendable {
  let value = Mutex<Value?>(nil)
}

/// Runs async work to completion from synchronous command-line code.
func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
  let box = ResultBox<Value>()
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    let value = await work()
    box.value.withLock { $0 = value }
    done.signal()
  }
  done.wait()
  guard let value = box.value.withLock({ $0 }) else {
    preconditionFailure("task finished without a value")
  }
  return value
}
