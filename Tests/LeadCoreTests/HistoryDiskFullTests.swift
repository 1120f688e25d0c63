import Foundation
import Synchronization
import Testing

@testable import LeadCore

/// A disk with a fixed number of bytes left: writes beyond it fail with `ENOSPC`.
private final class ShrinkingDisk: Sendable {
  let left: Mutex<Int>

  init(bytesLeft: Int) {
    left = Mutex(bytesLeft)
  }

  var seams: HistoryLogSeams {
    var seams = HistoryLogSeams.system
    seams.write = { fd, bytes, count in
      let allowed = self.left.withLock { left in
        let allowed = min(left, count)
        left -= allowed
        return allowed
      }
      guard allowed > 0 else {
        errno = ENOSPC
        return -1
      }
      return HistoryLogSeams.system.write(fd, bytes, allowed)
    }
    return seams
  }
}

/// A real 64 KiB tmpfs, where the machine lets the tests mount one.
private struct TinyDisk: ~Copyable {
  let url: URL

  /// Whether mounting works here (it needs root, or a user namespace granting it).
  static let canMount: Bool = {
    guard let disk = try? TinyDisk() else { return false }
    _ = consume disk
    return true
  }()

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("lead-core-tmpfs-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    guard mount("tmpfs", url.path, "tmpfs", 0, "size=64k,mode=0700") == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: url)
      throw HistoryError.cannotOpen(path: url.path, reason: "cannot mount a tmpfs: \(reason)")
    }
  }

  deinit {
    umount2(url.path, Int32(MNT_DETACH))
    try? FileManager.default.removeItem(at: url)
  }
}

@Suite("History on a full disk")
struct HistoryDiskFullTests {
  private let start = Date(timeIntervalSince1970: 1_714_557_600)

  private func queued(_ number: Int) -> HistoryRecord {
    .queued(
      id: LeadID(rawValue: "lead\(number)"), time: start + Double(number),
      lead: Lead(firstName: "Андрей", phone: "+7 912 345-67-\(number % 100)"),
      endpoint: "http://127.0.0.1:1/api/site/", method: .post, operatorName: "Мария")
  }

  @Test(
    "a failed write is a clear error and leaves every earlier record readable",
    arguments: [0, 1, 40])
  func injectedFailure(bytesLeft: Int) throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    try HistoryLog(url: url).append(queued(1))
    let full = HistoryLog(url: url, seams: ShrinkingDisk(bytesLeft: bytesLeft).seams)

    #expect {
      try full.append(queued(2))
    } throws: { error in
      guard case .cannotWrite(let path, let reason) = error as? HistoryError else { return false }
      return path == url.path && reason == String(cString: strerror(ENOSPC))
    }
    try HistoryLog(url: url).append(queued(3))
    let snapshot = HistoryLog(url: url).load()

    #expect(snapshot.entries.map(\.id.rawValue) == ["lead3", "lead1"])
    #expect(snapshot.damagedLines == (bytesLeft == 0 ? [] : [2]))
  }

  @Test(
    "a real tiny tmpfs fills up with a clear error and recovers once space is freed",
    .enabled(if: TinyDisk.canMount, "mounting a tmpfs needs privileges this machine lacks"))
  func realTinyDisk() throws {
    let disk = try TinyDisk()
    let filler = disk.url.appendingPathComponent("filler")
    #expect(FileManager.default.createFile(atPath: filler.path, contents: Data(count: 60 * 1024)))
    let log = HistoryLog(url: disk.url.appendingPathComponent("state/history.jsonl"))

    var written = 0
    var failure: HistoryError?
    while failure == nil, written < 10_000 {
      do {
        try log.append(queued(written))
        written += 1
      } catch {
        failure = error
      }
    }
    try FileManager.default.removeItem(at: filler)
    try log.append(queued(written + 1))
    let snapshot = log.load()

    #expect(failure.map { "\($0)" }?.contains(String(cString: strerror(ENOSPC))) == true)
    #expect(snapshot.entries.count == written + 1)
    #expect(snapshot.damagedLines.count <= 1)
    #expect(snapshot.readProblem == nil)
  }
}
