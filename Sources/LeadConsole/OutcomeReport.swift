import Dispatch
import Foundation
import LeadCore
import Synchronization

/// The machine-readable form of one attempt's outcome, for `send --json`.
struct OutcomeReport: Encodable {
  var id: String
  var outcome: String
  var httpStatus: Int?
  var errors: [CRMErrorCode]
  var reason: String

  init(id: LeadID, outcome: Outcome) {
    self.id = id.description
    self.outcome = outcome.kind.rawValue
    self.httpStatus = outcome.httpStatus
    self.errors = outcome.errors
    self.reason = outcome.reason
  }

  enum CodingKeys: String, CodingKey {
    case id, outcome, errors, reason
    case httpStatus = "http_status"
  }

  /// One line of JSON; JSONEncoder escapes control characters, so it is safe on a terminal.
  func jsonLine() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
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
