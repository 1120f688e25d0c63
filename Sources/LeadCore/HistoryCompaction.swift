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
  /// attempt and its state; damaged lines are carried over verbatim after the leads, but for
  /// those naming a lead the retention purged. The new file is written beside the log, flushed, renamed over
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
    var purged: Set<String> = []
    for entry in snapshot.entries.reversed() {
      let kept = retention?.applied(to: entry) ?? entry
      if kept.purgedAt != nil { purged.insert(kept.id.rawValue) }
      output += try HistoryRecord.compacted(kept).jsonLine()
      output.append(UInt8(ascii: "\n"))
    }
    // Kept as they were: a damaged line may be the only trace of a record someone can mend;
    // but not one of a lead whose personal data is removed, which it may repeat.
    for number in snapshot.damagedLines {
      let line = lines[number - 1]
      if !purged.isEmpty, idsNamed(in: line).contains(where: purged.contains) { continue }
      output += line
      output.append(UInt8(ascii: "\n"))
    }
    return output
  }

  /// The values of every `"id"` member a line names, read however damaged the line is after.
  static func idsNamed(in line: ArraySlice<UInt8>) -> [String] {
    let member = Array(#""id""#.utf8)
    var ids: [String] = []
    var index = line.startIndex
    while index + member.count <= line.endIndex {
      guard line[index..<index + member.count].elementsEqual(member) else {
        index += 1
        continue
      }
      var cursor = index + member.count
      func skipSpaces() {
        while cursor < line.endIndex, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
      }
      skipSpaces()
      if cursor < line.endIndex, line[cursor] == UInt8(ascii: ":") {
        cursor += 1
        skipSpaces()
        if cursor < line.endIndex, line[cursor] == UInt8(ascii: "\"") {
          let start = cursor + 1
          let end = line[start...].firstIndex(of: UInt8(ascii: "\"")) ?? line.endIndex
          ids.append(String(decoding: line[start..<end], as: UTF8.self))
        }
      }
      index += member.count
    }
    return ids
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
