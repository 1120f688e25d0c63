import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Lines from a pipe, each read with a deadline so a silent or dead writer cannot hang the
/// suite.
final class LineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var isClosed = false

  init(fd: Int32) {
    self.fd = fd
  }

  deinit {
    close()
  }

  /// The next line without its newline, or nil at the deadline or the end of the stream.
  func line(until deadline: ContinuousClock.Instant) -> String? {
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffer[start..<newline], as: UTF8.self)
        start = newline + 1
        if start > 1 << 20 {
          buffer.removeFirst(start)
          start = 0
        }
        return line
      }
      guard !isClosed else { return nil }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return nil }
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(left.seconds * 1000 + 1, 60_000)))
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      buffer += chunk[0..<count]
    }
  }

  /// Closes the pipe.
  func close() {
    guard !isClosed else { return }
    isClosed = true
    Glibc.close(fd)
  }
}
