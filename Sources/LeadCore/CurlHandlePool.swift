import CCurl
import Synchronization

/// Idle curl easy handles kept between transfers, so a run of requests to one CRM reuses its
/// connections (HTTP keep-alive) and its resolved address instead of opening a new connection,
/// a new connection cache and a new wake-up pipe for every lead.
///
/// A handle goes back to the pool only after an exchange that ended with an answer; after any
/// failure it is closed, so a broken connection is never offered again. At most `capacity`
/// handles wait; one more is closed at once.
///
/// A kept connection can turn out closed after the request went out; libcurl would then send
/// the request again on a new connection by itself, and a CRM that took the lead and closed
/// without answering would get it twice. So only a POST whose body libcurl cannot rewind
/// (`ccurl_once_body`) keeps its connection: that resend fails, and the lead is uncertain.
/// Only `retry --rate unlimited` (a backlog after an outage) uses the pool; `send`, the
/// console and a spaced `retry` open a connection per request.
final class CurlHandlePool: Sendable {
  /// As many as `retry --connections` allows at once.
  static let capacity = 64

  /// The process's one pool: every transport sends to the same few hosts.
  static let shared = CurlHandlePool()

  /// Handle addresses, since raw pointers are not `Sendable`; each is owned by the pool while
  /// listed here and by exactly one transfer otherwise.
  private let idle = Mutex<[UInt]>([])

  /// An idle handle with its options reset (its connections and address cache kept), or a new
  /// one; nil when curl cannot create one.
  func take() -> UnsafeMutableRawPointer? {
    let address = idle.withLock { $0.popLast() }
    if let handle = address.flatMap({ UnsafeMutableRawPointer(bitPattern: $0) }) {
      curl_easy_reset(handle)
      return handle
    }
    return curl_easy_init()
  }

  /// Takes a handle back after an exchange: kept when `reusable`, else closed.
  func give(_ handle: UnsafeMutableRawPointer, reusable: Bool) {
    let kept =
      reusable
      && idle.withLock { idle in
        guard idle.count < Self.capacity else { return false }
        idle.append(UInt(bitPattern: handle))
        return true
      }
    if !kept { curl_easy_cleanup(handle) }
  }
}
