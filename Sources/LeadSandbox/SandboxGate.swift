import Foundation
import Synchronization

/// Where request threads wait while the sandbox hangs or delays an answer. Waiting blocks on a
/// condition (no polling), and `open()` releases every waiter at once so that stopping the server
/// never waits for a hanging request.
final class SandboxGate: Sendable {
  private let condition = NSCondition()
  /// Atomic so the type needs no unchecked Sendable; it is still only changed with `condition`
  /// locked, which is what keeps a waiter from missing the opening.
  private let isOpen = Atomic<Bool>(false)

  /// Blocks until the gate opens or `seconds` pass; nil waits for the opening alone. Returns
  /// true when the gate opened.
  func wait(seconds: Double?) -> Bool {
    let deadline = seconds.map { Date(timeIntervalSinceNow: $0) }
    condition.lock()
    defer { condition.unlock() }
    while !isOpen.load(ordering: .acquiring) {
      if let deadline {
        if !condition.wait(until: deadline) { return isOpen.load(ordering: .acquiring) }
      } else {
        condition.wait()
      }
    }
    return true
  }

  /// Releases every waiter, now and later, until `close()`.
  func open() {
    condition.lock()
    isOpen.store(true, ordering: .releasing)
    condition.broadcast()
    condition.unlock()
  }

  /// Makes later waits block again, for a server that starts anew.
  func close() {
    condition.lock()
    isOpen.store(false, ordering: .releasing)
    condition.unlock()
  }
}
