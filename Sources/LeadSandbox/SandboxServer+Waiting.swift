import Foundation

extension SandboxServer {
  /// Waits until the server has received `count` requests since it was created, or until
  /// `seconds` pass, and returns the records then; the caller checks how many arrived.
  ///
  /// The wait blocks a thread of its own, never the caller's: tests and the console can await a
  /// request without polling and without stalling the concurrency pool.
  public func waitForRecords(count: Int, timeout seconds: Double) async -> [SandboxRecord] {
    let deadline = Date(timeIntervalSinceNow: max(0, seconds))
    let handler = handler
    return await withCheckedContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(returning: handler.waitForRecords(count: count, until: deadline))
      }
    }
  }
}
