import Foundation
import Testing

@testable import LeadCore

/// A one-shot loopback server that reads a request and answers with bytes of the test's
/// choosing, for answers no HTTP server library would write.
private final class RawAnswerServer: Sendable {
  let port: Int
  private let listener: Int32

  init(answer: [UInt8]) throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let listening = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        bind(descriptor, socketAddress, length) == 0
          && getsockname(descriptor, socketAddress, &length) == 0 && listen(descriptor, 1) == 0
      }
    }
    guard listening else {
      close(descriptor)
      throw POSIXError(.EADDRNOTAVAIL)
    }
    listener = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))

    Thread.detachNewThread {
      let connection = accept(descriptor, nil, nil)
      guard connection >= 0 else { return }
      defer { close(connection) }
      var timeout = timeval(tv_sec: 5, tv_usec: 0)
      setsockopt(
        connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      var request: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      // The whole request has arrived once the headers ended and the form's last field is in.
      while !String(decoding: request, as: UTF8.self).contains("phone=1") {
        let count = read(connection, &buffer, buffer.count)
        if count <= 0 { break }
        request += buffer[0..<count]
      }
      _ = answer.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }
  }

  deinit {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }
}

@Suite("CurlTransport with answers that are not HTTP")
struct CurlTransportRawAnswerTests {
  @Test(
    "an unreadable answer after the request went out is uncertain, never not delivered",
    arguments: ["hello, not http\r\n", "HTTP/1.1 000 Zero\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n"])
  func unreadableAnswerCountsAsSent(answer: String) async throws {
    let server = try RawAnswerServer(answer: Array(answer.utf8))
    let client = CRMClient(
      endpoint: "http://127.0.0.1:\(server.port)/api/site/", key: APIKey("k-0123456789abcdef"),
      timeouts: Timeouts(connect: 2, total: 5), transport: CurlTransport())

    let outcome = await client.send(Lead(phone: "1"))

    #expect(outcome.kind == .uncertain, "\(outcome.reason)")
    #expect(!outcome.reason.contains("only http://"))
  }
}
