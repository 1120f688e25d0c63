import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a large file in big batches, then flushes it and renames it into place: one `fsync`
/// for the whole log instead of one per record, and no half-written log under the final name.
final class BatchWriter {
  /// How many bytes are gathered before each write.
  static let batchBytes = 4 << 20

  private let url: URL
  private let fd: Int32
  private var pending = Data()
  /// Bytes handed to `add` so far.
  private(set) var written = 0

  init(url: URL) throws(BenchError) {
    self.url = url
    fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
    }
    pending.reserveCapacity(Self.batchBytes + 65_536)
  }

  deinit {
    close(fd)
  }

  /// Adds bytes; they go out once a batch is full.
  func add(_ bytes: Data) throws(BenchError) {
    pending.append(bytes)
    written += bytes.count
    if pending.count >= Self.batchBytes {
      try flushPending()
    }
  }

  /// Writes what is left, flushes the file to disk and renames it to `final`.
  func finish(renamingTo final: URL) throws(BenchError) {
    try flushPending()
    guard fsync(fd) == 0 else {
      throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
    }
    guard rename(url.path, final.path) == 0 else {
      throw .cannotWrite(path: final.path, reason: String(cString: strerror(errno)))
    }
  }

  private func flushPending() throws(BenchError) {
    var offset = 0
    let total = pending.count
    while offset < total {
      let count = pending.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, total - offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
      }
      offset += count
    }
    pending.removeAll(keepingCapacity: true)
  }
}
