import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The JSON Lines file the sandbox appends its records to. Each record goes out in a single
/// `write` of the line and its `\n` on a descriptor opened with `O_APPEND`, so lines never
/// interleave and each is on disk (in the page cache) before the answer is sent.
final class SandboxRecordFile: Sendable {
  /// The file's path, for messages.
  let path: String
  /// The open descriptor, -1 once closed; atomic so closing and appending never race.
  private let descriptor: Atomic<Int32>

  /// Opens (or creates, mode 0600) the file for appending.
  init(url: URL) throws(SandboxError) {
    path = url.path
    let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard opened >= 0 else {
      throw .recordFileUnavailable(path: path, reason: Self.lastErrorText())
    }
    descriptor = Atomic(opened)
  }

  deinit {
    close()
  }

  /// Appends one line; `line` must not hold a line end.
  func append(line: String) throws(SandboxError) {
    var bytes = Array(line.utf8)
    bytes.append(UInt8(ascii: "\n"))
    let descriptor = descriptor.load(ordering: .acquiring)
    guard descriptor >= 0 else {
      throw .recordNotWritten(path: path, reason: "the file is closed")
    }
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        throw .recordNotWritten(path: path, reason: Self.lastErrorText())
      }
      written += result
    }
  }

  /// Closes the file; later appends fail.
  func close() {
    let open = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
    guard open >= 0 else { return }
    _ = Glibc.close(open)
  }

  private static func lastErrorText() -> String {
    String(cString: strerror(errno))
  }
}
