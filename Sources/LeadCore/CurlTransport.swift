import CCurl
import Foundation
import Synchronization

/// Sends requests with libcurl: a connect timeout and a total deadline, no redirects, and no
/// proxy for loopback addresses.
///
/// `curl_easy_perform` blocks for the whole exchange, so each transfer runs on a thread of its own
/// and the caller's task only awaits a continuation: the cooperative thread pool never blocks,
/// and many leads can be in flight while the console keeps answering keys. A batch
/// (`performAll`) runs on one thread per connection instead, each thread taking the next
/// request as soon as its last one ends (`CurlTransport.Batch`).
public struct CurlTransport: HTTPTransport {
  /// The most answer body bytes kept; a longer body aborts the transfer and is reported cut.
  public let bodyCap: Int
  /// A PEM file of CA certificates to trust for `https://` besides the system's, or nil.
  ///
  /// It is given to curl as `CURLOPT_CAINFO`, which replaces curl's default bundle file; the
  /// system's CAs stay trusted through the CA directory Debian's libcurl also reads
  /// (`CURLOPT_CAPATH`, `/etc/ssl/certs`), which is left as built. Where a libcurl has no such
  /// directory, the file becomes the only trust: stricter, never looser.
  public let caFile: String?
  /// Whether a connection that answered is kept for the next request (`CurlHandlePool`), for
  /// a backlog sent at full speed. Off by default: see `CurlHandlePool` for what reuse risks.
  public let reusesConnections: Bool

  /// Creates a transport keeping at most `bodyCap` bytes of an answer.
  public init(bodyCap: Int = 65_536, caFile: String? = nil, reusesConnections: Bool = false) {
    self.bodyCap = max(0, bodyCap)
    self.caFile = caFile
    self.reusesConnections = reusesConnections
  }

  /// Performs the exchange on a transfer thread; cancelling the calling task aborts it.
  public func perform(_ request: HTTPRequest, timeouts: Timeouts) async -> TransportResult {
    guard Self.libraryReady else {
      return .failed(requestSent: false, reason: "the HTTP library (libcurl) could not start")
    }
    let cancellation = CancellationFlag()
    let options = Options(
      bodyCap: bodyCap, caFile: caFile, timeouts: timeouts, reusesConnections: reusesConnections)
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<TransportResult, Never>) in
        // A thread per transfer, not a dispatch queue: on Linux GCD counts a thread blocked in
        // curl as busy and adds threads only slowly past the core count, so two hanging requests
        // on a 2-core machine held up a third, ready one for seconds.
        Thread.detachNewThread {
          let transfer = Transfer(request: request, options: options, cancellation: cancellation)
          continuation.resume(returning: transfer.run())
        }
      }
    } onCancel: {
      cancellation.cancel()
    }
  }

  /// `curl_global_init` must run once before any handle exists and is not thread-safe itself;
  /// a static `let` is initialised exactly once, under the runtime's own lock.
  static let libraryReady: Bool = ccurl_global_init_all() == CURLE_OK
}

extension CurlTransport {
  /// Everything a transfer needs besides the request, fixed when `perform` is called.
  struct Options: Sendable {
    /// The most body bytes kept.
    var bodyCap: Int
    /// The CA file to trust, if any.
    var caFile: String?
    /// The limits, as the caller gave them.
    var timeouts: Timeouts
    /// Whether the handle comes from, and goes back to, the pool of open connections.
    var reusesConnections: Bool

    /// The connect timeout in whole milliseconds, so 2.5 s stays 2500 ms.
    var connectMilliseconds: Int { Self.milliseconds(timeouts.connect) }
    /// The total deadline in whole milliseconds.
    var totalMilliseconds: Int { Self.milliseconds(timeouts.total) }

    /// Holds a value within `Timeouts.allowedRange`: curl reads 0 as "no limit at all", so a
    /// zero, negative or NaN value must never reach it.
    static func milliseconds(_ seconds: Double) -> Int {
      let range = Timeouts.allowedRange
      let bounded = seconds >= range.lowerBound ? min(seconds, range.upperBound) : range.lowerBound
      return Int((bounded * 1000).rounded())
    }
  }

  /// Set from the caller's task when it is cancelled; read by the transfer's progress check.
  final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Asks the transfer to stop at its next progress check.
    func cancel() {
      flag.store(true, ordering: .releasing)
    }

    /// True once `cancel()` was called.
    var isCancelled: Bool { flag.load(ordering: .acquiring) }
  }
}
