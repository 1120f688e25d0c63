import CBytes
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension HistoryIndex {
  /// Entries read back from the file lately, so redrawing a page reads nothing, and a lead
  /// judged once more just before it is claimed (`retry`'s groups of 256, after the list of
  /// due leads was read) is not decoded twice. Entries share their text with the copies the
  /// callers hold, so the cache costs little beyond them.
  struct EntryCache {
    static let capacity = 16_384
    var entries: [Int: HistoryEntry] = [:]

    mutating func insert(_ entry: HistoryEntry, at position: Int) {
      if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
      entries[position] = entry
    }
  }

  /// The full entry of the lead at `position` as the console shows it: read from the log,
  /// with the state recorded in memory since (a resend under way, say); nil for a lead that
  /// is only in memory (queued after the log was read) or whose records can no longer be read.
  public func entry(at position: Int) -> HistoryEntry? {
    guard var entry = fileEntry(at: position) else { return nil }
    entry.state = state(at: position)
    return entry
  }

  /// The entry of the lead at `position` exactly as its records in the file give it, for
  /// judging whether it may be sent.
  ///
  /// Only the stretch of the file from the lead's first record to its latest is read, and the
  /// answer is kept until a record of the lead is read again.
  public func fileEntry(at position: Int) -> HistoryEntry? {
    let (cached, first, last, id) = storage.withLock { storage in
      (
        storage.entries.entries[position], storage.columns.firstOffsets[position],
        storage.columns.lastOffsets[position], storage.columns.id(at: position)
      )
    }
    if let cached { return cached }
    guard first >= 0, var entry = Self.readEntry(id: id, from: first, to: last, in: url) else {
      return nil
    }
    entry.markInterruptedUnlessAlive(ProcessLiveness.isAlive)
    storage.withLock { storage in
      if storage.columns.firstOffsets[position] == first,
        storage.columns.lastOffsets[position] == last
      {
        storage.entries.insert(entry, at: position)
      }
    }
    return entry
  }

  /// Folds the records of `id` found between the line at `first` and the end of the line at
  /// `last`.
  static func readEntry(id: LeadID, from first: Int64, to last: Int64, in url: URL)
    -> HistoryEntry?
  {
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    // Read the stretch up to `last`, and on past it a little at a time until its line ends.
    var bytes: [UInt8] = []
    var wanted = Int(last - first) + 1024
    while true {
      let have = bytes.count
      bytes += [UInt8](repeating: 0, count: wanted)
      let got = bytes.withUnsafeMutableBytes { buffer in
        pread(fd, buffer.baseAddress.map { $0 + have }, wanted, off_t(first) + off_t(have))
      }
      guard got > 0 else {
        bytes.removeSubrange(have...)
        break
      }
      bytes.removeSubrange((have + got)...)
      let lastStart = Int(last - first)
      if bytes.count > lastStart,
        let end = bytes[max(have, lastStart)...].firstIndex(of: UInt8(ascii: "\n"))
      {
        bytes.removeSubrange(end...)
        break
      }
      wanted = 4096
    }
    let needle = Array(id.rawValue.utf8)
    var entry: HistoryEntry?
    for line in bytes.split(separator: UInt8(ascii: "\n")) where holds(needle, in: line) {
      guard let record = HistoryRecord.parse(line: line), record.id == id else { continue }
      if entry == nil {
        entry = HistoryEntry(starting: record)
      } else {
        _ = entry?.apply(record)
      }
    }
    return entry
  }

  /// True when the bytes of `needle` occur in `line`: a plain byte search (`cbytes_find`), so
  /// the lines of other leads within the stretch are passed over without being decoded.
  static func holds(_ needle: [UInt8], in line: ArraySlice<UInt8>) -> Bool {
    guard !needle.isEmpty else { return true }
    guard line.count >= needle.count else { return false }
    return line.withUnsafeBytes { haystack in
      needle.withUnsafeBytes { wanted in
        cbytes_find(haystack.baseAddress, haystack.count, wanted.baseAddress, wanted.count) != nil
      }
    }
  }
}

extension HistoryLog {
  /// The leads that start in the last `maxBytes` of the log, newest first, each with all its
  /// later records: the newest page of the history, read without reading the whole file.
  ///
  /// Damaged lines are not reported here; the full read (`HistoryIndex.build`) reports them.
  public func loadTail(maxBytes: Int = 256 * 1024) -> HistorySnapshot {
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      return errno == ENOENT
        ? HistorySnapshot()
        : HistorySnapshot(readProblem: "cannot read \(url.path): \(Self.lastError())")
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      return HistorySnapshot(readProblem: "cannot read \(url.path): \(Self.lastError())")
    }
    let size = Int64(status.st_size)
    let start = max(0, size - Int64(maxBytes))
    var bytes = [UInt8](repeating: 0, count: Int(size - start))
    let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
    guard got >= 0 else {
      return HistorySnapshot(readProblem: "cannot read \(url.path): \(Self.lastError())")
    }
    var lines = bytes[0..<got].split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if start > 0, !lines.isEmpty {
      // The first line is cut unless the window starts exactly at a line's start.
      lines.removeFirst()
    }
    var snapshot = HistorySnapshot.fold(lines: lines, orphansAreDamage: false)
    snapshot.damagedLines = []
    return snapshot
  }
}
