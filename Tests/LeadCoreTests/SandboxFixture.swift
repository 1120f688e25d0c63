import Foundation
import LeadCore
import LeadSandbox

#if canImport(Glibc)
  import Glibc
#endif

/// A sandbox running on a free loopback port for one test; it stops when the test lets go.
struct SandboxFixture {
  /// The key the sandbox accepts.
  static let key = "TESTKEY-0123456789abcdef"

  let server: SandboxServer
  let url: URL

  init(fault: SandboxFault = .none, recordFile: URL? = nil, tls: SandboxTLS? = nil) throws {
    server = SandboxServer(
      configuration: SandboxConfiguration(
        key: Self.key, recordFile: recordFile, fault: fault, tls: tls))
    url = try server.start()
  }

  /// The API URL as a string, `http://127.0.0.1:PORT/api/site/` (`https://` with TLS).
  var endpoint: String { url.absoluteString }

  /// The port the sandbox listens on.
  var port: Int { url.port ?? 0 }

  /// A POST request carrying `pairs` as its body.
  func post(_ pairs: [FormPair], to endpoint: String? = nil) -> HTTPRequest {
    HTTPRequest(
      method: .post, url: endpoint ?? self.endpoint, body: Array(FormEncoder.encode(pairs).utf8))
  }

  /// A GET request carrying `pairs` as its query.
  func get(_ pairs: [FormPair]) -> HTTPRequest {
    HTTPRequest(method: .get, url: endpoint + "?" + FormEncoder.encode(pairs))
  }

  /// A complete lead's pairs with the given key.
  static func leadPairs(key: String = key) -> [FormPair] {
    [
      FormPair(name: "key", value: key),
      FormPair(name: "phone", value: "+7 (999) 123-45-67"),
      FormPair(name: "email", value: "ivan.petrov+lead@example.ru"),
      FormPair(name: "first_name", value: "Андрей"),
      FormPair(name: "last_name", value: "Щёкин"),
      FormPair(name: "comment", value: "a&b=c; 100% + ~tilde"),
    ]
  }
}

/// Test-side helpers for reading transport results.
extension TransportResult {
  /// The status of an answer, nil for a failure.
  var answeredStatus: Int? {
    if case .answered(let status, _, _, _) = self { return status }
    return nil
  }

  /// The body of an answer as text, nil for a failure.
  var answeredText: String? {
    if case .answered(_, _, let body, _) = self { return String(decoding: body, as: UTF8.self) }
    return nil
  }

  /// The headers of an answer, empty for a failure.
  var answeredHeaders: [String: String] {
    if case .answered(_, let headers, _, _) = self { return headers }
    return [:]
  }

  /// `requestSent` of a failure, nil for an answer.
  var failedSent: Bool? {
    if case .failed(let sent, _) = self { return sent }
    return nil
  }

  /// The reason of a failure, empty for an answer.
  var failedReason: String {
    if case .failed(_, let reason) = self { return reason }
    return ""
  }
}

/// A loopback port nothing listens on: bound to learn a free number, then closed again.
func closedLoopbackPort() throws -> Int {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = 0
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
      guard bind(descriptor, socketAddress, length) == 0 else { return false }
      return getsockname(descriptor, socketAddress, &length) == 0
    }
  }
  guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
  return Int(UInt16(bigEndian: address.sin_port))
}

/// Seconds elapsed while `body` ran.
func measureSeconds<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
  let clock = ContinuousClock()
  let start = clock.now
  let value = try await body()
  let elapsed = clock.now - start
  let seconds =
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return (value, seconds)
}

/// A loopback listener whose accept queue is full, so a further connect gets no answer to its
/// SYN and can only time out: the way to test a connect timeout without leaving loopback.
final class SaturatedListener {
  let port: Int
  private var descriptors: [Int32] = []

  init() throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw POSIXError(.EMFILE) }
    descriptors.append(listener)
    var address = Self.loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let listening = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        bind(listener, socketAddress, length) == 0 && listen(listener, 0) == 0
          && getsockname(listener, socketAddress, &length) == 0
      }
    }
    guard listening else { throw POSIXError(.EADDRNOTAVAIL) }
    port = Int(UInt16(bigEndian: address.sin_port))
    // A backlog of 0 still queues one connection; the others' SYNs are then dropped.
    for _ in 0..<3 {
      let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
      guard client >= 0 else { throw POSIXError(.EMFILE) }
      descriptors.append(client)
      var target = Self.loopback(port: port)
      _ = withUnsafePointer(to: &target) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
    }
  }

  deinit {
    for descriptor in descriptors { close(descriptor) }
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}
