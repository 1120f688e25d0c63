import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a small file of its own beside the history log.
///
/// The lock never lives on the log itself: compaction replaces the log by renaming a new file
/// over it, and a lock on the old inode would let a second writer append to the new one at the
/// same time. Each acquisition opens its own descriptor, so two threads of one process exclude
/// each other exactly as two processes do.
public struct HistoryLock: Sendable {
  /// The lock file (created 0600 when missing; its contents are never read).
  public let url: URL

  /// A lock on the file at `url`.
  public init(url: URL) {
    self.url = url
  }

  /// The lock that guards appends to the log at `log`: `<log>.lock`.
  public static func appending(to log: URL) -> HistoryLock {
    HistoryLock(url: log.appendingPathExtension("lock"))
  }

  /// The lock that lets one `retry` run at a time on the log at `log`: `<log>.retry.lock`.
  public static func retrying(_ log: URL) -> HistoryLock {
    HistoryLock(url: log.appendingPathExtension("retry").appendingPathExtension("lock"))
  }

  /// Waits for the lock, runs `body` while holding it, and lets it go.
  public func withLock<Value>(_ body: () throws(HistoryError) -> Value) throws(HistoryError)
    -> Value
  {
    let held = try acquire(waiting: true)
    defer { held?.release() }
    return try body()
  }

  /// Takes the lock, waiting for another holder when `waiting`; nil when it is held elsewhere
  /// and `waiting` is false.
  public func acquire(waiting: Bool) throws(HistoryError) -> HeldHistoryLock? {
    let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw .cannotOpen(path: url.path, reason: Self.lastError())
    }
    while flock(fd, LOCK_EX | (waiting ? 0 : LOCK_NB)) != 0 {
      let code = errno
      if code == EINTR {
        continue
      }
      close(fd)
      if code == EWOULDBLOCK {
        return nil
      }
      throw .cannotOpen(path: url.path, reason: "cannot lock: \(String(cString: strerror(code)))")
    }
    return HeldHistoryLock(descriptor: fd)
  }

  private static func lastError() -> String {
    String(cString: strerror(errno))
  }
}

/// A lock taken by `HistoryLock.acquire`; released by `release()` or when it goes away.
public final class HeldHistoryLock: Sendable {
  private let descriptor: Int32
  private let released = Atomic<Bool>(false)

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Lets the lock go; later calls do nothing.
  public func release() {
    guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
    // Closing the descriptor drops the flock with it.
    close(descriptor)
  }

  deinit {
    release()
  }
}
