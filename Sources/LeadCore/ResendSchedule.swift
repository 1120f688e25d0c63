import Foundation

/// When a running console sends a not-delivered lead again on its own.
///
/// The wait after a lead's latest attempt grows exponentially (`base`, doubling per attempt,
/// capped at `cap`) with full jitter, so many consoles recovering from one outage do not all
/// retry at the same moment; a `Retry-After` in the latest outcome is a floor. Only a lead the
/// CRM certainly did not get (not delivered, or queued and never sent) is scheduled: the API has no idempotency key, so an uncertain
/// lead could become a duplicate deal.
public struct ResendSchedule: Sendable {
  /// The default wait before the first resend, in seconds.
  public static let defaultBase = 2.0
  /// The default longest wait between two attempts of a lead, in seconds.
  public static let defaultCap = 300.0
  /// The default shortest spacing between any two requests, in seconds.
  public static let defaultSpacing = 1.0

  /// The wait ceiling after the first attempt, in seconds; it doubles with each later attempt.
  public var base: Double
  /// The highest wait ceiling, in seconds.
  public var cap: Double
  /// A lead with this many attempts (the first included) is not sent again automatically.
  public var maxAttempts: Int
  /// The shortest time between any two requests, in seconds.
  public var minimumSpacing: Double
  /// Mixed into every jitter draw; drawn once from the random source.
  private let salt: UInt64

  /// Creates a schedule; `random` is asked once, so a fixed source gives fixed waits.
  public init(
    base: Double = defaultBase, cap: Double = defaultCap,
    maxAttempts: Int = RetryPlan.defaultMaxAttempts, minimumSpacing: Double = defaultSpacing,
    random: @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) }
  ) {
    self.base = base
    self.cap = cap
    self.maxAttempts = maxAttempts
    self.minimumSpacing = minimumSpacing
    self.salt = random()
  }

  /// When the lead may be sent again automatically; nil when never (it is uncertain,
  /// rejected, accepted, done, being sent, or out of attempts).
  ///
  /// A lead left queued with no attempt (its process stopped before the request) is due
  /// `RetryPlan.queuedGrace` after it was queued.
  public func nextAttempt(for entry: HistoryEntry, now: Date) -> Date? {
    guard entry.attempts.count < maxAttempts else { return nil }
    if entry.state == .queued, entry.attempts.isEmpty {
      return entry.queuedAt.addingTimeInterval(RetryPlan.queuedGrace)
    }
    guard entry.state == .notDelivered else { return nil }
    let attempts = max(1, entry.attempts.count)
    let last = entry.attempts.last
    let since = last?.finishedAt ?? last?.startedAt ?? entry.queuedAt
    var wait = ceiling(afterAttempts: attempts) * jitter(for: entry.id, attempt: attempts)
    if let outcome = entry.lastOutcome, let retryAfter = RetryPlan.retryAfter(in: outcome) {
      wait = max(wait, retryAfter)
    }
    return since.addingTimeInterval(wait)
  }

  /// The lead to send now, the one longest due first; nil when none is due or the previous
  /// request (at `lastRequest`) was less than `minimumSpacing` ago.
  public func due(_ entries: [HistoryEntry], now: Date, lastRequest: Date?) -> HistoryEntry? {
    if let lastRequest, now.timeIntervalSince(lastRequest) < minimumSpacing { return nil }
    var best: (entry: HistoryEntry, at: Date)?
    for entry in entries {
      guard let at = nextAttempt(for: entry, now: now), at <= now else { continue }
      if let current = best,
        (current.at, current.entry.queuedAt) <= (at, entry.queuedAt)
      {
        continue
      }
      best = (entry, at)
    }
    return best?.entry
  }

  /// The wait ceiling after `attempts` attempts: `base` doubled per attempt after the first.
  public func ceiling(afterAttempts attempts: Int) -> Double {
    let doublings = min(max(0, attempts - 1), 30)
    return min(cap, base * Double(1 << doublings))
  }

  /// A fraction in [0, 1) fixed for one lead's attempt, so the wait does not change each time
  /// the console asks and different leads are spread apart.
  func jitter(for id: LeadID, attempt: Int) -> Double {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.rawValue.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    var mixed = hash ^ salt ^ (UInt64(truncatingIfNeeded: attempt) &* 0x9e37_79b9_7f4a_7c15)
    mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
    mixed ^= mixed >> 31
    return Double(mixed >> 11) / Double(UInt64(1) << 53)
  }
}
