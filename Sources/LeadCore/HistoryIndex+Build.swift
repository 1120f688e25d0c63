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
        guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else {
          carried += rest
          return
        }
        let end = start + (newline - rest.startIndex)
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
      guard let summary = HistoryLineScanner.summary(of: bytes) else {
        damaged.append(lineNumber)
        return
      }
      let id = LeadID(rawValue: summary.id)
      switch summary.type {
      case .queued, .compacted:
        guard columns.position(of: id) == nil else {
          damaged.append(lineNumber)
          return
        }
        let state = summary.state ?? .queued
        if state == .sending {
          sending[columns.count] = summary.pid ?? -1
        }
        columns.append(
          id: id, time: summary.time.timeIntervalSince1970, state: state, offset: offset,
          lead: Lead(
            firstName: summary.firstName, lastName: summary.lastName, phone: summary.phone,
            email: summary.email))
      case .sending, .outcome, .done:
        guard let position = columns.position(of: id) else {
          damaged.append(lineNumber)
          return
        }
        apply(summary, to: position)
        columns.lastOffsets[position] = offset
      }
    }

    private mutating func apply(_ summary: HistoryLineSummary, to position: Int) {
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
