import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What reading a whole log gave: its index and what the reader found on the way.
public struct HistoryIndexReport: Sendable {
  /// Every lead of the log.
  public var index: HistoryIndex
  /// 1-based numbers of lines skipped as damaged (torn, padded, invalid or orphaned records).
  public var damagedLines: [Int]
  /// How many records the log holds, damaged ones included.
  public var records: Int
  /// Why the file could not be read, if it could not; a missing file is not a problem.
  public var readProblem: String?

  /// Creates a report.
  public init(
    index: HistoryIndex, damagedLines: [Int] = [], records: Int = 0, readProblem: String? = nil
  ) {
    self.index = index
    self.damagedLines = damagedLines
    self.records = records
    self.readProblem = readProblem
  }

  /// Whether compaction would shrink the log markedly: a third or more of its records are
  /// later records of a lead, which compaction folds into the lead's one record.
  public var worthCompacting: Bool {
    let later = records - index.count
    return later > 0 && 3 * later >= records
  }
}

extension HistoryIndex {
  /// How much of the file is read at a time.
  public static let defaultChunkSize = 4 << 20

  /// The longest line of the log that is read: 16 MiB. A longer one is damage, passed over
  /// without being held in memory whole (the full read in `HistoryLog.load()` counts it as
  /// damage too, so both readers agree). A lead's values are capped at 64 KiB each, so only a
  /// lead of hundreds of full-size fields with many attempts comes near it.
  public static let longestLine = 16 << 20

  /// Reads the log at `url` once, front to back, in fixed-size chunks, and indexes every lead.
  ///
  /// Damaged lines are skipped and reported as `HistoryLog.load()` does; a lead left `sending`
  /// by a process `isAlive` says is gone is `uncertain`.
  public static func build(
    url: URL, isAlive: (Int32) -> Bool = ProcessLiveness.isAlive,
    chunkSize: Int = defaultChunkSize
  ) -> HistoryIndexReport {
    var storage = Storage(columns: Columns())
    let problem = storage.read(url: url, chunkSize: chunkSize, toEnd: true, isAlive: isAlive)
    let report = HistoryIndexReport(
      index: HistoryIndex(url: url, storage: storage), damagedLines: storage.reading.damaged,
      records: storage.reading.records, readProblem: problem)
    return report
  }

  /// Reads what was appended to the log since the index last read it, so the states it holds
  /// are the file's; indexes the file afresh when it was replaced (compacted) or shrank.
  ///
  /// A last line without its newline is left for the next call: its writer may not be done.
  /// Answers why the file could not be read, if it could not.
  @discardableResult
  public func refresh(isAlive: (Int32) -> Bool = ProcessLiveness.isAlive) -> String? {
    storage.withLock { storage in
      storage.read(url: url, chunkSize: Self.defaultChunkSize, toEnd: false, isAlive: isAlive)
    }
  }

  /// 1-based numbers of the lines read so far that were skipped as damaged.
  public var damagedLines: [Int] {
    storage.withLock { $0.reading.damaged }
  }

  /// A report on the index as read so far, as `build` gives one.
  public var report: HistoryIndexReport {
    let (damaged, records) = storage.withLock { ($0.reading.damaged, $0.reading.records) }
    return HistoryIndexReport(index: self, damagedLines: damaged, records: records)
  }

  /// How far the index has read its log, and what it found on the way.
  struct Reading {
    /// The file read: device and inode, so a replaced file is noticed.
    var file: (device: UInt64, inode: UInt64)?
    /// Bytes read and folded, up to the end of the last whole line.
    var offset: Int64 = 0
    /// The start of a line whose end has not been read yet.
    var carried: [UInt8] = []
    /// True while the rest of a line longer than `longestLine` is being passed over.
    var isSkipping = false
    var lineNumber = 0
    var records = 0
    var damaged: [Int] = []
    /// Leads now `sending`, with the pid of the process that sent them (-1: none recorded).
    var sending: [Int: Int32] = [:]
  }
}

extension HistoryIndex.Storage {
  /// Reads the log from where the index stopped (from the start for a new or replaced file).
  /// `toEnd` folds a last line that has no newline too, as a whole-file read does.
  mutating func read(url: URL, chunkSize: Int, toEnd: Bool, isAlive: (Int32) -> Bool)
    -> String?
  {
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      return errno == ENOENT ? nil : "cannot read \(url.path): \(HistoryLog.lastError())"
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      return "cannot read \(url.path): \(HistoryLog.lastError())"
    }
    let file = (device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    let size = Int64(status.st_size)
    var rebuilt = false
    if let known = reading.file, known != file || size < reading.offset {
      let version = self.version
      self = HistoryIndex.Storage(columns: HistoryIndex.Columns())
      self.version = version
      rebuilt = true
    }
    let startOffset = reading.offset
    if reading.file == nil {
      reading.file = file
      // About 250 bytes of log and 80 of searchable text per lead in real logs.
      columns.reserve(leads: Int(size) / 200 + 16, textBytes: Int(size) / 3 + 1024)
    }

    var fileOffset = reading.offset + Int64(reading.carried.count)
    // No bigger than what is left to read (and a page more, for a line appended meanwhile):
    // a refresh that finds a few new lines, or none, must not clear megabytes first.
    let left = max(0, Int(clamping: size - fileOffset))
    var buffer = [UInt8](repeating: 0, count: max(1, min(chunkSize, left + 4096)))
    while true {
      let got = buffer.withUnsafeMutableBytes {
        pread(fd, $0.baseAddress, $0.count, off_t(fileOffset))
      }
      if got < 0 {
        if errno == EINTR { continue }
        return "cannot read \(url.path): \(HistoryLog.lastError())"
      }
      if got == 0 { break }
      buffer.withUnsafeBufferPointer { chunk in
        take(UnsafeBufferPointer(rebasing: chunk[0..<got]), at: fileOffset)
      }
      fileOffset += Int64(got)
    }
    if toEnd, reading.isSkipping {
      reading.isSkipping = false
      reading.offset = fileOffset
      reading.lineNumber += 1
      reading.records += 1
      reading.damaged.append(reading.lineNumber)
    }
    if toEnd, !reading.carried.isEmpty {
      let carried = reading.carried
      reading.carried = []
      carried.withUnsafeBufferPointer { line($0, at: reading.offset) }
      reading.offset += Int64(carried.count)
    }
    if markInterrupted(isAlive: isAlive) || reading.offset != startOffset || rebuilt {
      changed()
    }
    return nil
  }

  /// Splits a chunk read at `offset` into lines; a line cut by the chunk's end is carried.
  private mutating func take(_ chunk: UnsafeBufferPointer<UInt8>, at offset: Int64) {
    var start = 0
    while start < chunk.count {
      let rest = UnsafeBufferPointer(rebasing: chunk[start...])
      guard let base = rest.baseAddress,
        let found = memchr(base, Int32(UInt8(ascii: "\n")), rest.count)
      else {
        if reading.isSkipping || reading.carried.count + rest.count > HistoryIndex.longestLine {
          // Never held whole: the line is dropped as it goes and reported once it ends.
          reading.isSkipping = true
          reading.carried = []
        } else {
          reading.carried += rest
        }
        return
      }
      let end = start + UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
      let piece = UnsafeBufferPointer(rebasing: chunk[start..<end])
      let lineStart = reading.offset
      if reading.isSkipping || reading.carried.count + piece.count > HistoryIndex.longestLine {
        reading.isSkipping = false
        reading.carried = []
        reading.lineNumber += 1
        reading.records += 1
        reading.damaged.append(reading.lineNumber)
      } else if reading.carried.isEmpty {
        line(piece, at: lineStart)
      } else {
        reading.carried += piece
        let carried = reading.carried
        reading.carried = []
        carried.withUnsafeBufferPointer { line($0, at: lineStart) }
      }
      reading.offset = offset + Int64(end) + 1
      start = end + 1
    }
  }

  /// Folds one line that starts at `offset` in the file, as `HistorySnapshot.fold` does.
  private mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int64) {
    reading.lineNumber += 1
    if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
      return
    }
    reading.records += 1
    guard let fields = HistoryLineScanner.fields(of: bytes) else {
      reading.damaged.append(reading.lineNumber)
      return
    }
    let scanner = HistoryLineScanner(bytes)
    switch fields.type {
    case .queued, .compacted:
      guard let time = scanner.time(fields.time) else {
        reading.damaged.append(reading.lineNumber)
        return
      }
      let key = scanner.key(fields.id, in: &columns)
      if let known = columns.position(ofKey: key) {
        // A lead this process queued and listed before reading its record takes its place
        // in the file; any other repeat of a first record is damage.
        if columns.firstOffsets[known] < 0 {
          columns.firstOffsets[known] = offset
          columns.lastOffsets[known] = offset
        } else {
          reading.damaged.append(reading.lineNumber)
        }
        return
      }
      let state = fields.state ?? .queued
      if state == .sending {
        reading.sending[columns.count] = fields.pid ?? -1
      }
      columns.append(key: key, time: time, state: state, offset: offset) { text in
        scanner.appendSearchText(of: fields, to: &text)
      }
    case .sending, .outcome, .done:
      guard scanner.time(fields.time) != nil,
        let key = scanner.existingKey(fields.id, in: columns),
        let position = columns.position(ofKey: key)
      else {
        reading.damaged.append(reading.lineNumber)
        return
      }
      apply(fields, to: position)
      columns.lastOffsets[position] = offset
      entries.entries[position] = nil
    }
  }

  private mutating func apply(_ fields: HistoryLineFields, to position: Int) {
    let current = columns.state(at: position)
    let next: LeadState
    switch fields.type {
    case .sending: next = .sending
    case .outcome: next = fields.state ?? current
    default: next = .done
    }
    if fields.type == .sending {
      reading.sending[position] = fields.pid ?? -1
    }
    // A late answer never reopens a lead the operator has closed.
    guard current != .done else { return }
    columns.states[position] = next.code
    if next != .sending {
      reading.sending[position] = nil
    }
  }

  /// Leads still `sending` whose process is gone become `uncertain`; true if any did.
  private mutating func markInterrupted(isAlive: (Int32) -> Bool) -> Bool {
    var changed = false
    for (position, pid) in reading.sending where columns.state(at: position) == .sending {
      if pid < 0 || !isAlive(pid) {
        columns.states[position] = LeadState.uncertain.code
        reading.sending[position] = nil
        entries.entries[position] = nil
        changed = true
      }
    }
    return changed
  }
}

extension HistoryLineScanner {
  /// A record's time as seconds since 1970, or nil when it is not a time.
  func time(_ raw: RawString) -> Double? {
    let body = UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end])
    let date = raw.escaped ? text(raw).flatMap(HistoryTime.parse) : HistoryTime.parse(utf8: body)
    return date?.timeIntervalSince1970
  }

  /// The index key of a record's lead, made for it when new.
  func key(_ raw: RawString, in columns: inout HistoryIndex.Columns) -> UInt64 {
    if !raw.escaped,
      let key = HistoryIndex.Columns.hexKey(
        UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]))
    {
      return key
    }
    return columns.makeKey(text(raw) ?? "")
  }

  /// The index key of a record's lead when the index already knows the lead.
  func existingKey(_ raw: RawString, in columns: HistoryIndex.Columns) -> UInt64? {
    if !raw.escaped,
      let key = HistoryIndex.Columns.hexKey(
        UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]))
    {
      return key
    }
    return text(raw).flatMap { columns.key(of: LeadID(rawValue: $0)) }
  }

  /// Writes a lead's searchable text straight from the line's bytes where they need no
  /// decoding (the usual case), else through its decoded text.
  func appendSearchText(of fields: HistoryLineFields, to text: inout [UInt8]) -> Int {
    HistorySearchText.appendRecord(
      firstName: { appendFolded(fields.firstName, name: true, to: &$0) },
      lastName: { appendFolded(fields.lastName, name: true, to: &$0) },
      email: { appendFolded(fields.email, name: false, to: &$0) },
      phoneDigits: phoneDigits(fields.phone), to: &text)
  }

  private func appendFolded(_ raw: RawString?, name: Bool, to text: inout [UInt8]) {
    guard let raw else { return }
    let start = text.count
    if !raw.escaped,
      HistorySearchText.appendFolded(
        UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]), to: &text, passingOthers: false)
    {
      return
    }
    text.removeSubrange(start...)
    let decoded = self.text(raw) ?? ""
    if name {
      HistorySearchText.appendName(decoded, to: &text)
    } else {
      HistorySearchText.appendEmail(decoded, to: &text)
    }
  }

  private func phoneDigits(_ raw: RawString?) -> [UInt8] {
    guard let raw else { return [] }
    if raw.escaped {
      return HistorySearchText.phoneDigits(text(raw) ?? "")
    }
    return HistorySearchText.phoneDigits(
      utf8: UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]))
  }
}
