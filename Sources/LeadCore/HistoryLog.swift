import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The JSON Lines history of every lead: append-only, one record per line, never the API key.
///
/// Each record goes out in a single `write(2)` on an `O_APPEND` descriptor and is flushed with
/// `fsync` before `append` returns, so a crash leaves at most one torn last line; readers skip
/// such lines and the next append starts on a fresh line.
public final class HistoryLog: Sendable {
  /// The log file.
  public let url: URL

  /// Serialises appends within the process, so the torn-line check and the write belong together.
  private let appendLock = Mutex(())

  /// The log's index, once read: kept up to date by reading only what was appended since.
  private let cachedIndex = Mutex<HistoryIndex?>(nil)

  /// Where writes and compaction steps go; the real system calls outside tests.
  let seams: HistoryLogSeams

  /// Opens (lazily) the log at `url`; nothing is created until the first append.
  public convenience init(url: URL) {
    self.init(url: url, seams: .system)
  }

  /// Opens the log with `seams` standing in for the system, so tests can fail a write.
  init(url: URL, seams: HistoryLogSeams) {
    self.url = url
    self.seams = seams
  }

  /// Appends one record and flushes it to disk; creates the directory (0700) and file (0600).
  public func append(_ record: HistoryRecord) throws(HistoryError) {
    var bytes = try record.jsonLine()
    bytes.append(UInt8(ascii: "\n"))

    try withAppendLock { () throws(HistoryError) in try appendLocked(bytes) }
  }

  /// Reads the entry of `id` as the log has it now and appends the record `decide` picks, with
  /// no other writer in between; nil is given for a lead the log does not hold.
  ///
  /// Only what was appended since the last call is read (the log's index is kept), and the
  /// lead's own records, so judging a lead costs the same in a log of any size.
  public func appendAfterReading<Value: Sendable>(
    entryOf id: LeadID, _ decide: (HistoryEntry?) -> (record: HistoryRecord?, value: Value)
  ) throws(HistoryError) -> Value {
    try appendAfterReading(entriesOf: [id]) { entries in
      let (record, value) = decide(entries[0])
      return (record.map { [$0] } ?? [], value)
    }
  }

  /// Like `appendAfterReading(entryOf:_:)` for several leads at once: the records `decide`
  /// picks go out in one write and one flush (a group commit).
  public func appendAfterReading<Value: Sendable>(
    entriesOf ids: [LeadID], _ decide: ([HistoryEntry?]) -> (records: [HistoryRecord], value: Value)
  ) throws(HistoryError) -> Value {
    try withAppendLock { () throws(HistoryError) -> Value in
      let index = currentIndex()
      let entries = ids.map { id in index.position(of: id).flatMap { index.fileEntry(at: $0) } }
      let (records, value) = decide(entries)
      if !records.isEmpty {
        try appendLocked(try Self.lines(records))
      }
      return value
    }
  }

  /// Appends several records in one write and flushes them once: a group commit.
  public func append(contentsOf records: [HistoryRecord]) throws(HistoryError) {
    guard !records.isEmpty else { return }
    let bytes = try Self.lines(records)
    try withAppendLock { () throws(HistoryError) in try appendLocked(bytes) }
  }

  /// The index of every lead in the log, brought up to date with the file.
  ///
  /// The first call reads the whole log; later ones read only what was appended since, or the
  /// whole file again once compaction has replaced it.
  public func currentIndex() -> HistoryIndex {
    let index = cachedIndex.withLock { cached in
      if let cached { return cached }
      let built = HistoryIndex.build(url: url).index
      cached = built
      return built
    }
    index.refresh()
    return index
  }

  private static func lines(_ records: [HistoryRecord]) throws(HistoryError) -> [UInt8] {
    var bytes: [UInt8] = []
    for record in records {
      bytes += try record.jsonLine()
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }

  /// Runs `body` holding the in-process lock and the lock file beside the log.
  func withAppendLock<Value: Sendable>(
    _ body: () throws(HistoryError) -> Value
  ) throws(HistoryError) -> Value {
    try appendLock.withLock { _ throws(HistoryError) -> Value in
      try createDirectory()
      // The file lock keeps other processes' records from interleaving with or fusing to ours.
      return try HistoryLock.appending(to: url).withLock { () throws(HistoryError) -> Value in
        try body()
      }
    }
  }

  /// Writes and flushes one record; the caller holds both the in-process and the file lock.
  private func appendLocked(_ record: [UInt8]) throws(HistoryError) {
    var bytes = record
    let fd = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw .cannotOpen(path: url.path, reason: Self.lastError())
    }
    defer { close(fd) }

    if !endsWithNewline(fd) {
      bytes.insert(UInt8(ascii: "\n"), at: 0)
    }
    try writeAll(bytes, to: fd, path: url.path)
    guard fsync(fd) == 0 else {
      throw .cannotSync(path: url.path, reason: Self.lastError())
    }
  }

  /// Reads the whole log; damaged lines are skipped and listed, never fatal.
  public func load() -> HistorySnapshot {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
      return HistorySnapshot()
    } catch {
      return HistorySnapshot(readProblem: "cannot read \(url.path): \(error.localizedDescription)")
    }
    let bytes = [UInt8](data)
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    return HistorySnapshot.fold(lines: lines)
  }

  private func createDirectory() throws(HistoryError) {
    try Self.createPrivateFolder(url.deletingLastPathComponent())
  }

  /// Creates a folder (and its parents) readable by the owner only, if it is missing.
  public static func createPrivateFolder(_ directory: URL) throws(HistoryError) {
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: NSNumber(value: 0o700)])
    } catch {
      throw .cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
    }
  }

  /// True for an empty file or one whose last byte is `\n`; a torn or padded tail is not.
  private func endsWithNewline(_ fd: Int32) -> Bool {
    var status = stat()
    guard fstat(fd, &status) == 0, status.st_size > 0 else {
      return true
    }
    var last: UInt8 = 0
    guard pread(fd, &last, 1, status.st_size - 1) == 1 else {
      return false
    }
    return last == UInt8(ascii: "\n")
  }

  /// One `write` in the normal case; continues after a short write or an interrupted call.
  func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(HistoryError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        seams.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR {
          continue
        }
        throw .cannotWrite(path: path, reason: Self.lastError())
      }
      offset += written
    }
  }

  static func lastError() -> String {
    String(cString: strerror(errno))
  }
}
