import Foundation

/// Which leads a resend pass sends again, and how far apart its requests go.
///
/// Only a lead the CRM certainly did not get is resent (not delivered, or left queued by a
/// process that stopped before its request): the API has no idempotency key, so a lead that is
/// uncertain, or still marked as sending, could become a duplicate deal.
public struct RetryPlan: Sendable, Equatable {
  /// The default limit on attempts per lead, counting the first.
  public static let defaultMaxAttempts = 5
  /// The default limit on requests per second.
  public static let defaultRate = 1.0
  /// The longest `Retry-After` honoured, in seconds; a longer one would stall the whole pass.
  public static let longestRetryAfter = 60.0

  /// A lead with this many attempts is not sent again.
  public var maxAttempts: Int
  /// Requests per second at most.
  public var rate: Double

  /// Creates a plan; `maxAttempts` and `rate` are expected positive.
  public init(maxAttempts: Int = defaultMaxAttempts, rate: Double = defaultRate) {
    self.maxAttempts = maxAttempts
    self.rate = rate
  }

  /// How long a lead may stay queued, with no attempt, before a resend takes it, in seconds.
  ///
  /// The process that queues a lead claims it for its first request at once, so a lead still
  /// queued after this long belongs to a process that stopped before its request went out:
  /// the CRM certainly does not have it. The claim under the log's lock settles any race.
  public static let queuedGrace = 30.0

  /// True for a lead that is not delivered and has attempts left, or that was queued more
  /// than `queuedGrace` before `now` and never sent.
  public func isDue(_ entry: HistoryEntry, now: Date = Date()) -> Bool {
    switch entry.state {
    case .notDelivered:
      entry.attempts.count < maxAttempts
    case .queued:
      entry.attempts.count < maxAttempts
        && now.timeIntervalSince(entry.queuedAt) >= Self.queuedGrace
    case .sending, .accepted, .rejected, .uncertain, .done:
      false
    }
  }

  /// True for a lead that is not delivered but has used up its attempts.
  public func isExhausted(_ entry: HistoryEntry) -> Bool {
    entry.state == .notDelivered && entry.attempts.count >= maxAttempts
  }

  /// The leads due for a resend, the oldest queued first.
  public func due(in snapshot: HistorySnapshot, now: Date = Date()) -> [HistoryEntry] {
    snapshot.entries.filter { isDue($0, now: now) }.sorted { $0.queuedAt < $1.queuedAt }
  }

  /// Seconds to wait at `now` before the next request.
  ///
  /// The spacing that `rate` sets runs from the previous request's start; a `Retry-After`
  /// in the previous outcome runs from when that outcome was recorded.
  public func pause(
    now: Date, previousRequestAt: Date?, previousOutcome: Outcome?, previousOutcomeAt: Date?
  ) -> Double {
    var until = now
    if let previousRequestAt, rate > 0 {
      until = max(until, previousRequestAt.addingTimeInterval(1 / rate))
    }
    if let previousOutcome, let previousOutcomeAt,
      let wait = Self.retryAfter(in: previousOutcome)
    {
      until = max(until, previousOutcomeAt.addingTimeInterval(wait))
    }
    return until.timeIntervalSince(now)
  }

  /// The `Retry-After` seconds a 429 outcome carries in its reason, capped; nil if none.
  ///
  /// The classifier keeps the header's value in the reason (`retry after 12`); an HTTP-date
  /// value is not read, and the plain rate applies then.
  public static func retryAfter(in outcome: Outcome) -> Double? {
    guard outcome.httpStatus == 429 else { return nil }
    let marker = "retry after "
    guard let range = outcome.reason.range(of: marker, options: .caseInsensitive) else {
      return nil
    }
    let digits = outcome.reason[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 6, let seconds = Double(digits) else { return nil }
    return min(seconds, longestRetryAfter)
  }
}
