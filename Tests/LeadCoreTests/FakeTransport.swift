import Synchronization

@testable import LeadCore

/// A transport that answers from a closure and remembers every request it was given.
struct FakeTransport: HTTPTransport {
  /// What the fake saw, shared between copies of the transport.
  final class Log: Sendable {
    private let entries = Mutex<[(HTTPRequest, Timeouts)]>([])

    func record(_ request: HTTPRequest, _ timeouts: Timeouts) {
      entries.withLock { $0.append((request, timeouts)) }
    }

    var requests: [HTTPRequest] { entries.withLock { $0.map(\.0) } }
    var timeouts: [Timeouts] { entries.withLock { $0.map(\.1) } }
  }

  let log = Log()
  let answer: @Sendable (HTTPRequest) async -> TransportResult

  init(answer: @escaping @Sendable (HTTPRequest) async -> TransportResult) {
    self.answer = answer
  }

  /// A fake that always answers with `status` and `body`.
  init(status: Int, body: String, headers: [String: String] = [:]) {
    self.init { _ in
      .answered(status: status, headers: headers, body: Array(body.utf8), bodyOverflowed: false)
    }
  }

  func perform(_ request: HTTPRequest, timeouts: Timeouts) async -> TransportResult {
    log.record(request, timeouts)
    return await answer(request)
  }
}
