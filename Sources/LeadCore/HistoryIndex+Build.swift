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

  /// Reads the log at `url` once, front to back, in fixed-size chunks, and indexes every lead.
  ///
  /// Damaged lines are skipped and reported as `HistoryLog.load()` does; a lead left `sending`
  /// by a process `isAlive` says is gone is `uncertain`.
  public static func build(
    url: URL, isAlive: (Int32) -> Bool = ProcessLiveness.isAlive,
    chunkSize: Int = defaultChunkSize
  ) -> HistoryIndexReport {
    var builder = Builder()
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      let problem = errno == ENOENT ? nil : "cannot read \(url.path): \(HistoryLog.lastError())"
      return HistoryIndexReport(
        index: HistoryIndex(url: url), damagedLines: [], records: 0, readProblem: problem)
    }
    defer { close(fd) }
    var status = stat()
    if fstat(fd, &status) == 0 {
      // About 250 bytes of log and 80 of searchable text per lead in real logs.
      let size = Int(status.st_size)
      builder.columns.reserve(leads: size / 200 + 16, textBytes: size / 3 + 1024)
    }

    var carried: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var fileOffset: Int64 = 0
    while true {
      let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
      if got < 0 {
        if errno == EINTR { continue }
        let problem = "cannot read \(url.path): \(HistoryLog.lastError())"
        return builder.report(url: url, isAlive: isAlive, problem: problem)
      }
      if got == 0 { break }
      buffer.withUnsafeBufferPointer { chunk in
        builder.take(
          UnsafeBufferPointer(rebasing: chunk[0..<got]), at: fileOffset, carried: &carried)
      }
      fileOffset += Int64(got)
    }
    if !carried.isEmpty {
      carried.withUnsafeBufferPointer { builder.line($0, at: fileOffset - Int64($0.count)) }
    }
    return builder.report(url: url, isAlive: isAlive, problem: nil)
  }

  /// Folds lines into columns as `HistorySnapshot.fold` folds them into entries.
  private struct Builder {
    var columns = Columns()
    var damaged: [Int] = []
    var lineNumber = 0
    var records = 0
    /// Leads now `sending`, with the pid of the process that sent them (-1: none recorded).
    var sending: [Int: Int32] = [:]

    /// Splits a chunk read at `offset` into lines; a line cut by the chunk's end is carried.
    mutating func take(
      _ chunk: UnsafeBufferPointer<UInt8>, at offset: Int64, carried: inout [UInt8]
    ) {
      var start = 0
      while start < chunk.count {
        let rest = UnsafeBufferPointer(rebasing: chunk[start...])
        guard let base = rest.baseAddress,
          let found = memchr(base, Int32(UInt8(ascii: "\n")), rest.count)
        else {
          carried += rest
          return
        }
        let end = start + UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        let piece = UnsafeBufferPointer(rebasing: chunk[start..<end])
        if carried.isEmpty {
          line(piece, at: offset + Int64(start))
        } else {
          carried += piece
          let lineStart = offset + Int64(start) - Int64(carried.count - piece.count)
          carried.withUnsafeBufferPointer { line($0, at: lineStart) }
          carried.removeAll(keepingCapacity: true)
        }
        start = end + 1
      }
    }

    /// Folds one line that starts at `offset` in the file.
    mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int64) {
      lineNumber += 1
      if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
        return
      }
      records += 1
      guard let fields = HistoryLineScanner.fields(of: bytes) else {
        damaged.append(lineNumber)
        return
      }
      let scanner = HistoryLineScanner(bytes)
      switch fields.type {
      case .queued, .compacted:
        guard let time = scanner.time(fields.time) else {
          damaged.append(lineNumber)
          return
        }
        let key = scanner.key(fields.id, in: &columns)
        guard columns.position(ofKey: key) == nil else {
          damaged.append(lineNumber)
          return
        }
        let state = fields.state ?? .queued
        if state == .sending {
          sending[columns.count] = fields.pid ?? -1
        }
        columns.append(key: key, time: time, state: state, offset: offset) { text in
          scanner.appendSearchText(of: fields, to: &text)
        }
      case .sending, .outcome, .done:
        guard scanner.time(fields.time) != nil,
          let key = scanner.existingKey(fields.id, in: columns),
          let position = columns.position(ofKey: key)
        else {
          damaged.append(lineNumber)
          return
        }
        apply(fields, to: position)
        columns.lastOffsets[position] = offset
      }
    }

    private mutating func apply(_ summary: HistoryLineFields, to position: Int) {
      let current = columns.state(at: position)
      let next: LeadState
      switch summary.type {
      case .sending: next = .sending
      case .outcome: next = summary.state ?? current
      default: next = .done
      }
      if summary.type == .sending {
        sending[position] = summary.pid ?? -1
      }
      // A late answer never reopens a lead the operator has closed.
      guard current != .done else { return }
      columns.states[position] = next.code
      if next != .sending {
        sending[position] = nil
      }
    }

    /// The finished index; leads still `sending` whose process is gone become `uncertain`.
    mutating func report(url: URL, isAlive: (Int32) -> Bool, problem: String?)
      -> HistoryIndexReport
    {
      for (position, pid) in sending where columns.state(at: position) == .sending {
        if pid < 0 || !isAlive(pid) {
          columns.states[position] = LeadState.uncertain.code
        }
      }
      return HistoryIndexReport(
        index: HistoryIndex(url: url, columns: columns), damagedLines: damaged,
        records: records, readProblem: problem)
    }
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
