import Foundation
import LeadCore

/// The folder of the scratch log: in memory-backed `/dev/shm` where there is one, since each
/// input is written, read, compacted and read again; removed when the fuzzer exits normally.
private let scratchFolder: URL = {
  let base =
    FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  let folder = URL(fileURLWithPath: base, isDirectory: true)
    .appendingPathComponent("lead-console-fuzz-\(getpid())", isDirectory: true)
  try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  atexit { removeScratchFolder() }
  return folder
}()

/// The scratch log every input is written to.
private let scratchLog = scratchFolder.appendingPathComponent("history.jsonl")

private func removeScratchFolder() {
  try? FileManager.default.removeItem(at: scratchFolder)
}

/// libFuzzer's entry point: the input is a history log's bytes. Reading must skip what is
/// damaged and keep the rest; the console's index of the log (read in chunks whose size the
/// input picks) and its read of the log's tail must agree with the full read; and compacting
/// must keep every lead.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHistoryLog(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  // Workaround: Foundation's `Data(contentsOf:)` in Swift 6.3.1 leaks 4 KiB each time it reads
  // an empty file, which the leak checker reports as a crash. Empty logs are skipped, before
  // and after compaction, until a toolchain without that leak is in use.
  guard let start, count > 0 else { return 0 }
  let bytes = Data(bytes: start, count: count)
  guard (try? bytes.write(to: scratchLog)) != nil else { fatalError("cannot write the log") }
  let log = HistoryLog(url: scratchLog)
  let lineCount = bytes.count { $0 == UInt8(ascii: "\n") } + 1

  let before = log.load()
  check(before, lineCount: lineCount)
  checkLines(HistoryIndex.build(url: scratchLog, chunkSize: 1 + count % 97), lineCount: lineCount)
  do {
    try log.compact(maxBytes: 0)
  } catch {
    fatalError("compaction failed: \(error)")
  }
  let size = (try? FileManager.default.attributesOfItem(atPath: scratchLog.path)[.size]) as? Int
  guard size != 0 else {
    if !before.entries.isEmpty || !before.damagedLines.isEmpty {
      fatalError("compaction emptied a log with leads or damaged lines")
    }
    return 0
  }
  let after = log.load()
  check(after, lineCount: lineCount)
  compare(before, after)
  // Where nothing was damaged the compacted log holds only lines the console writes itself:
  // there the index and the tail read must agree with the full read, and compacting again must
  // change nothing. Known issues keep damaged logs out of these checks (FuzzRegressionTests):
  // on damaged lines the readers differ (JSONDecoder takes raw controls, bytes that are not
  // UTF-8 and repeated members), and a record orphaned before its lead's first line, carried
  // after the compacted leads, applies on the next read.
  guard before.damagedLines.isEmpty else { return 0 }
  compareIndex(HistoryIndex.build(url: scratchLog, chunkSize: 1 + count % 89), with: after)
  compareTail(log.loadTail(maxBytes: 1 + count % 509), with: after)
  checkCompactionSettles(log, after: after)
  return 0
}

/// A compacted log compacts to the very same bytes and reads back the very same leads.
private func checkCompactionSettles(_ log: HistoryLog, after: HistorySnapshot) {
  let first = try? Data(contentsOf: log.url)
  do {
    try log.compact(maxBytes: 0)
  } catch {
    fatalError("the second compaction failed: \(error)")
  }
  if (try? Data(contentsOf: log.url)) != first { fatalError("a second compaction changed bytes") }
  if log.load() != after { fatalError("a second compaction changed the leads") }
}

/// Damaged lines are real line numbers, in order, each once; leads are named once each.
private func check(_ snapshot: HistorySnapshot, lineCount: Int) {
  if let problem = snapshot.readProblem { fatalError("the log was not read: \(problem)") }
  let damaged = snapshot.damagedLines
  if damaged != damaged.sorted() || Set(damaged).count != damaged.count {
    fatalError("damaged lines out of order or repeated: \(damaged)")
  }
  if let line = damaged.first(where: { !(1...lineCount).contains($0) }) {
    fatalError("damaged line \(line) of \(lineCount)")
  }
  if Set(snapshot.entries.map(\.id)).count != snapshot.entries.count {
    fatalError("a lead listed twice")
  }
  if snapshot.entries.count + damaged.count > lineCount {
    fatalError("more leads and damaged lines than lines")
  }
}

/// The index of any bytes reads the file and names only real lines as damaged, in order.
private func checkLines(_ report: HistoryIndexReport, lineCount: Int) {
  if let problem = report.readProblem { fatalError("the index did not read the log: \(problem)") }
  let damaged = report.damagedLines
  if damaged != damaged.sorted() || damaged.contains(where: { !(1...lineCount).contains($0) }) {
    fatalError("the index names damaged lines \(damaged) of \(lineCount)")
  }
}

/// The index skips no more lines than the full read and lists every lead it finds; where both
/// skip the same lines, they agree on every lead's state. (The index reads fewer members, so
/// a line damaged only in others is indexed, as documented.)
private func compareIndex(_ report: HistoryIndexReport, with full: HistorySnapshot) {
  if let problem = report.readProblem { fatalError("the index did not read the log: \(problem)") }
  if !Set(report.damagedLines).isSubset(of: full.damagedLines) {
    fatalError("the index skipped \(report.damagedLines), the full read \(full.damagedLines)")
  }
  let index = report.index
  for entry in full.entries {
    guard let position = index.position(of: entry.id) else {
      fatalError("lead \(entry.id) missing from the index")
    }
    if report.damagedLines == full.damagedLines, index.state(at: position) != entry.state {
      fatalError("lead \(entry.id) is \(index.state(at: position)) in the index, \(entry.state)")
    }
  }
  if report.damagedLines == full.damagedLines, index.count != full.entries.count {
    fatalError("\(index.count) leads indexed, \(full.entries.count) read")
  }
}

/// A lead read from the tail is the lead the full read has, whole, in an undamaged log.
private func compareTail(_ tail: HistorySnapshot, with full: HistorySnapshot) {
  guard full.damagedLines.isEmpty else { return }
  for entry in tail.entries where !full.entries.contains(entry) {
    fatalError("lead \(entry.id) from the tail differs from the full read")
  }
}

/// Compaction keeps every lead; in a log without damage each keeps its state and attempts
/// (times are kept to the millisecond, as the console writes them).
private func compare(_ before: HistorySnapshot, _ after: HistorySnapshot) {
  let kept = Set(after.entries.map(\.id))
  if let lost = before.entries.first(where: { !kept.contains($0.id) }) {
    fatalError("compaction lost lead \(lost.id)")
  }
  if after.damagedLines.count > before.damagedLines.count {
    fatalError("compaction damaged \(after.damagedLines.count - before.damagedLines.count) lines")
  }
  guard before.damagedLines.isEmpty else { return }
  let summary = { (entry: HistoryEntry) in "\(entry.id) \(entry.state) \(entry.attempts.count)" }
  if before.entries.map(summary) != after.entries.map(summary) {
    fatalError("compaction changed a lead of an undamaged log")
  }
}
