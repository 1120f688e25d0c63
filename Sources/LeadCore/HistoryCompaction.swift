import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension HistoryLog {
  /// The size past which `lead-console retry` compacts the log unless told otherwise: 32 MiB.
  public static let defaultCompactionLimit = 32 * 1024 * 1024

  /// The temporary file a compaction writes before it replaces the log: `<log>.compact`.
  public var compactionURL: URL {
    url.appendingPathExtension("compact")
  }

  /// Rewrites the log with one `compacted` record per lead when it is larger than `maxBytes`;
  /// true if it did.
  ///
  /// Each lead keeps its fields (unless `retention` reaches it, see `HistoryRetention`), every
  /// attempt and its state; damaged lines are carried over
  /// verbatim after the leads. The new file is written beside the log, flushed, renamed over
  /// it and the directory flushed, all under the append lock: a crash at any point leaves the
  /// old file or the new one, each complete, and no writer appends to the old one meanwhile.
  @discardableResult
  public func compact(
    maxBytes: Int, retention: HistoryRetention? = nil
  ) throws(HistoryError) -> Bool {
    try withAppendLock { () throws(HistoryError) -> Bool in
      let bytes: [UInt8]
      do {
        bytes = [UInt8](try Data(contentsOf: url))
      } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
        return false
      } catch {
        throw .cannotOpen(path: url.path, reason: error.localizedDescription)
      }
      guard bytes.count > maxBytes else { return false }
      try replace(with: Self.compacted(bytes, retention: retention))
      return true
    }
  }

  /// The compacted text of a log: a record per lead, oldest first, then the damaged lines.
  static func compacted(
    _ bytes: [UInt8], retention: HistoryRetention? = nil
  ) throws(HistoryError) -> [UInt8] {
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let snapshot = HistorySnapshot.fold(lines: lines)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 2)
    for entry in snapshot.entries.reversed() {
      let kept = retention?.applied(to: entry) ?? entry
      output += try HistoryRecord.compacted(kept).jsonLine()
      output.append(UInt8(ascii: "\n"))
    }
    // Kept as they were: a damaged line may be the only trace of a record someone can mend.
    for number in snapshot.damagedLines {
      output += lines[number - 1]
      output.append(UInt8(ascii: "\n"))
    }
    return output
  }

  /// Writes `bytes` to the temporary file, flushes it, renames it over the log, flushes the
  /// directory; the caller holds the append lock.
  private func replace(with bytes: [UInt8]) throws(HistoryError) {
    let temporary = compactionURL.path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw .cannotOpen(path: temporary, reason: Self.lastError())
    }
    do throws(HistoryError) {
      try writeAll(bytes, to: fd, path: temporary)
      guard fsync(fd) == 0 else {
        throw .cannotSync(path: temporary, reason: Self.lastError())
      }
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    close(fd)
    try seams.beforeRename()
    guard rename(temporary, url.path) == 0 else {
      let reason = Self.lastError()
      unlink(temporary)
      throw .cannotWrite(path: url.path, reason: "cannot replace it with \(temporary): \(reason)")
    }
    try syncDirectory()
  }

  /// Flushes the log's directory, so the rename itself survives a power cut.
  private func syncDirectory() throws(HistoryError) {
    let directory = url.deletingLastPathComponent().path
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else {
      throw .cannotSync(path: directory, reason: Self.lastError())
    }
    defer { close(fd) }
    guard fsync(fd) == 0 else {
      throw .cannotSync(path: directory, reason: Self.lastError())
    }
  }
}
