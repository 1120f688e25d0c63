/// The HTTP method a lead is sent with. POST keeps the key out of URLs.
public enum HTTPMethod: String, Sendable, Equatable, Codable {
  case post = "POST"
  case get = "GET"
}

/// One request exactly as it goes on the wire.
public struct HTTPRequest: Sendable, Equatable {
  /// POST or GET.
  public var method: HTTPMethod
  /// The full URL, with the encoded query for GET.
  public var url: String
  /// The encoded form body for POST; empty for GET.
  public var body: [UInt8]

  /// Creates a request.
  public init(method: HTTPMethod, url: String, body: [UInt8] = []) {
    self.method = method
    self.url = url
    self.body = body
  }
}

/// Limits on how long one request may take, in seconds.
public struct Timeouts: Sendable, Equatable, Codable {
  /// Time allowed to establish the connection.
  public var connect: Double
  /// Time allowed for the whole exchange, connection included.
  public var total: Double

  /// The defaults: 5 s to connect, 15 s in all.
  public static let standard = Timeouts(connect: 5, total: 15)
  /// The bounds any configured value is held within.
  public static let allowedRange: ClosedRange<Double> = 0.1...300

  /// Creates timeouts.
  public init(connect: Double, total: Double) {
    self.connect = connect
    self.total = total
  }
}

/// What the transport saw of one exchange.
public enum TransportResult: Sendable, Equatable {
  /// An answer arrived: its status, headers (lower-cased names) and body.
  /// `bodyOverflowed` is true when the body exceeded the cap and was cut.
  case answered(status: Int, headers: [String: String], body: [UInt8], bodyOverflowed: Bool)
  /// No answer. `requestSent` tells whether any byte of the request may have reached the server;
  /// `reason` says what failed, in words.
  case failed(requestSent: Bool, reason: String)
}

/// Sends one request and reports what happened; never follows redirects.
public protocol HTTPTransport: Sendable {
  /// Performs the exchange within the timeouts.
  func perform(_ request: HTTPRequest, timeouts: Timeouts) async -> TransportResult

  /// Performs every request, each within the timeouts, at most `connections` at once, and
  /// answers their results in the order of `requests`.
  func performAll(_ requests: [HTTPRequest], timeouts: Timeouts, connections: Int) async
    -> [TransportResult]
}

extension HTTPTransport {
  /// `perform` for each request in a task of its own, at most `connections` tasks at once.
  public func performAll(_ requests: [HTTPRequest], timeouts: Timeouts, connections: Int) async
    -> [TransportResult]
  {
    var results = [TransportResult?](repeating: nil, count: requests.count)
    await withTaskGroup(of: (Int, TransportResult).self) { tasks in
      var waiting = requests.indices.makeIterator()
      for _ in 0..<max(1, connections) {
        guard let index = waiting.next() else { break }
        tasks.addTask { (index, await perform(requests[index], timeouts: timeouts)) }
      }
      while let (index, result) = await tasks.next() {
        results[index] = result
        if let next = waiting.next() {
          tasks.addTask { (next, await perform(requests[next], timeouts: timeouts)) }
        }
      }
    }
    return results.map { $0 ?? .failed(requestSent: false, reason: "the request was not made") }
  }
}
