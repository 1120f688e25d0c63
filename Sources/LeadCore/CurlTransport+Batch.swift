import Foundation
import Synchronization

extension CurlTransport {
  /// Performs every request on at most `connections` transfer threads, each taking the next
  /// request as soon as its last one ended; cancelling the calling task aborts them all.
  ///
  /// Each request is one `Transfer`, with its own connect timeout and total deadline, exactly
  /// as `perform` runs it; only the threads are shared: a thread per connection instead of one
  /// per request, and no hop through the caller's task between one request and the next.
  public func performAll(_ requests: [HTTPRequest], timeouts: Timeouts, connections: Int) async
    -> [TransportResult]
  {
    guard !requests.isEmpty else { return [] }
    guard Self.libraryReady else {
      let failure = TransportResult.failed(
        requestSent: false, reason: "the HTTP library (libcurl) could not start")
      return Array(repeating: failure, count: requests.count)
    }
    let cancellation = CancellationFlag()
    let options = Options(
      bodyCap: bodyCap, caFile: caFile, timeouts: timeouts, reusesConnections: reusesConnections)
    let batch = Batch(requests: requests, options: options, cancellation: cancellation)
    let threads = min(max(1, connections), requests.count)
    return await withTaskCancellationHandler {
      await withCheckedContinuation {
        (continuation: CheckedContinuation<[TransportResult], Never>) in
        batch.start(threads: threads) { continuation.resume(returning: $0) }
      }
    } onCancel: {
      cancellation.cancel()
    }
  }

  /// The requests of one `performAll` and their results, shared by its transfer threads.
  final class Batch: Sendable {
    private let requests: [HTTPRequest]
    private let options: Options
    private let cancellation: CancellationFlag
    private let progress: Mutex<Progress>

    /// How far the batch has got: the next request to start, the results so far, the threads
    /// still running.
    private struct Progress {
      var next = 0
      var results: [TransportResult?]
      var running = 0
    }

    /// Prepares a batch; nothing is sent before `start`.
    init(requests: [HTTPRequest], options: Options, cancellation: CancellationFlag) {
      self.requests = requests
      self.options = options
      self.cancellation = cancellation
      progress = Mutex(Progress(results: Array(repeating: nil, count: requests.count)))
    }

    /// Starts `threads` transfer threads; the last one to run out of requests calls `done`
    /// with every result, once.
    func start(threads: Int, done: @escaping @Sendable ([TransportResult]) -> Void) {
      progress.withLock { $0.running = threads }
      for _ in 0..<threads {
        Thread.detachNewThread { self.work(done: done) }
      }
    }

    /// One thread's loop: a request at a time until none is left.
    private func work(done: @Sendable ([TransportResult]) -> Void) {
      while let index = takeNext() {
        let transfer = Transfer(
          request: requests[index], options: options, cancellation: cancellation)
        let result = transfer.run()
        progress.withLock { $0.results[index] = result }
      }
      let finished: [TransportResult]? = progress.withLock { progress in
        progress.running -= 1
        guard progress.running == 0 else { return nil }
        return progress.results.map {
          $0 ?? .failed(requestSent: false, reason: "the request was not made")
        }
      }
      if let finished { done(finished) }
    }

    /// The index of the next request no thread has taken, or nil when all are taken.
    private func takeNext() -> Int? {
      progress.withLock { progress in
        guard progress.next < requests.count else { return nil }
        defer { progress.next += 1 }
        return progress.next
      }
    }
  }
}
