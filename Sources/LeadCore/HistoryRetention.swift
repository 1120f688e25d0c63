import Foundation

/// How long the history keeps a finished lead's personal data: the `retention_days` setting.
///
/// A compaction under a retention empties the names, phone, e-mail, comment and extra field
/// values of every lead queued more than `days` days before `now` whose state is accepted or
/// done, and the words of its attempts' outcomes (an answer may echo the lead back). The lead
/// itself stays, with its id, times, state, attempts (kind, HTTP status, CRM codes) and
/// operator, so the counts
/// of the history pane and `lead-console history` do not change. A lead that is still waiting,
/// uncertain or rejected keeps everything: it may yet have to be sent or mended.
public struct HistoryRetention: Sendable, Equatable {
  /// How many days a finished lead keeps its fields.
  public var days: Int
  /// The moment the days count back from.
  public var now: Date

  /// A retention of `days` days counted back from `now`.
  public init(days: Int, now: Date = Date()) {
    self.days = days
    self.now = now
  }

  /// Leads queued before this moment lose their personal data.
  public var cutoff: Date {
    now.addingTimeInterval(-Double(days) * 86_400)
  }

  /// `entry` with its personal data removed when the retention reaches it; as it was otherwise.
  public func applied(to entry: HistoryEntry) -> HistoryEntry {
    guard entry.purgedAt == nil, entry.queuedAt < cutoff,
      entry.state == .accepted || entry.state == .done
    else { return entry }
    var purged = entry
    purged.lead = Lead(
      extraFields: entry.lead.extraFields.map { ExtraField(code: $0.code, value: "") })
    purged.attempts = entry.attempts.map { attempt in
      var kept = attempt
      kept.outcome = attempt.outcome.map(Self.withoutText)
      return kept
    }
    purged.lastOutcome = entry.lastOutcome.map(Self.withoutText)
    purged.purgedAt = now
    return purged
  }

  /// `outcome` without the words the answer carried, which may echo the lead back: its kind,
  /// HTTP status and CRM codes stay, each code with the vendor's own meaning.
  static func withoutText(_ outcome: Outcome) -> Outcome {
    Outcome(
      kind: outcome.kind, httpStatus: outcome.httpStatus,
      errors: outcome.errors.map { CRMErrorCode(code: $0.code) }, reason: "")
  }
}
