import Foundation
import LeadCore

/// One lead's life in the log: queued, its attempts and their outcomes, perhaps closed by hand;
/// written either as its separate records or as the one record compaction makes of them.
struct LeadStory {
  /// How the lead ended.
  enum Fate {
    /// Accepted, at once or after one attempt that was not delivered.
    case accepted(afterRetry: Bool)
    /// Refused by the CRM with this code.
    case rejected(code: Int)
    /// The answer did not tell.
    case uncertain
    /// Uncertain, then marked done by the operator after checking the CRM.
    case done
    /// Not delivered after this many attempts.
    case notDelivered(attempts: Int)

    /// Mostly accepted; a few of every other ending, as a working log holds them. Leads not
    /// delivered have used all five attempts, so nothing resends them on its own.
    static func random(_ random: inout SeededRandom) -> Fate {
      let roll = Double.random(in: 0..<1, using: &random)
      switch roll {
      case ..<0.85: return .accepted(afterRetry: false)
      case ..<0.88: return .accepted(afterRetry: true)
      case ..<0.91: return .rejected(code: roll < 0.9 ? 101 : 103)
      case ..<0.94: return .uncertain
      case ..<0.97: return .done
      default: return .notDelivered(attempts: 5)
      }
    }
  }

  var id: LeadID
  var queuedAt: Date
  var lead: Lead
  var operatorName: String
  var fate: Fate

  static let endpoint = CRMClient.defaultEndpoint
  /// The process that sent it, long gone: every attempt here has its outcome.
  static let senderPID: Int32 = 31_337

  static let acceptedOutcome = Outcome(
    kind: .accepted, httpStatus: 200, reason: "HTTP 200: lead accepted")
  static let refusedOutcome = Outcome(
    kind: .notDelivered, reason: "not sent: connection refused (Failed to connect to the CRM)")
  static let uncertainOutcome = Outcome(
    kind: .uncertain, reason: "no answer after the request went out: timed out after 15 s")

  static func rejectedOutcome(_ code: Int) -> Outcome {
    let error = CRMErrorCode(code: code)
    return Outcome(
      kind: .rejected, httpStatus: 200, errors: [error],
      reason: "HTTP 200: CRM refused the lead: error \(code) (\(error.message))")
  }

  /// Each attempt's outcome, in order.
  var outcomes: [Outcome] {
    switch fate {
    case .accepted(let afterRetry):
      afterRetry ? [Self.refusedOutcome, Self.acceptedOutcome] : [Self.acceptedOutcome]
    case .rejected(let code): [Self.rejectedOutcome(code)]
    case .uncertain, .done: [Self.uncertainOutcome]
    case .notDelivered(let attempts): Array(repeating: Self.refusedOutcome, count: attempts)
    }
  }

  /// The attempts with their times: the first 12 ms after queueing, each later one after a
  /// doubling pause, each answered within a third of a second.
  var attempts: [AttemptRecord] {
    outcomes.enumerated().map { offset, outcome in
      let start = queuedAt.addingTimeInterval(0.012 + (offset == 0 ? 0 : Double(1 << offset)))
      return AttemptRecord(
        number: offset + 1, startedAt: start, finishedAt: start.addingTimeInterval(0.337),
        outcome: outcome)
    }
  }

  /// When the operator closed it, for a lead that is done.
  var doneAt: Date? {
    if case .done = fate { return queuedAt.addingTimeInterval(3_600) }
    return nil
  }

  /// The separate records, as `send`, `retry` and the console append them.
  var records: [HistoryRecord] {
    var records: [HistoryRecord] = [
      .queued(
        id: id, time: queuedAt, lead: lead, endpoint: Self.endpoint, method: .post,
        operatorName: operatorName)
    ]
    for attempt in attempts {
      guard let startedAt = attempt.startedAt, let finishedAt = attempt.finishedAt,
        let outcome = attempt.outcome
      else { continue }
      records.append(
        .sending(id: id, time: startedAt, attempt: attempt.number, pid: Self.senderPID))
      records.append(.outcome(id: id, time: finishedAt, attempt: attempt.number, outcome: outcome))
    }
    if let doneAt {
      records.append(.done(id: id, time: doneAt, by: operatorName))
    }
    return records
  }

  /// The one record compaction writes for the lead.
  var compacted: HistoryRecord {
    let attempts = self.attempts
    let state: LeadState
    if case .done = fate {
      state = .done
    } else {
      state = attempts.last?.outcome.map { LeadState($0.kind) } ?? .queued
    }
    var entry = HistoryEntry(
      id: id, queuedAt: queuedAt, lead: lead, endpoint: Self.endpoint, method: .post,
      operatorName: operatorName, state: state, attempts: attempts,
      lastOutcome: attempts.last?.outcome)
    if let doneAt {
      entry.doneBy = operatorName
      entry.doneAt = doneAt
    }
    return .compacted(entry)
  }
}
