import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts leads on disk before sending them, and records every attempt and its outcome.
///
/// The order is what makes a crash harmless: a lead is durable in the log before its request
/// can go out, and an outcome is durable before it is reported.
public final class LeadDispatcher: Sendable {
  /// The history the records go to.
  public let log: HistoryLog
  /// The client that sends.
  public let client: CRMClient
  /// The operator recorded with each queued lead: the configured name, else the login name.
  public let operatorName: String?
  let clock: @Sendable () -> Date

  /// Creates a dispatcher; `clock` stamps the records.
  ///
  /// A nil or blank `operatorName` falls back to the login name, so every lead says who
  /// entered it even when the config names no operator.
  public init(
    log: HistoryLog, client: CRMClient, operatorName: String?,
    clock: @escaping @Sendable () -> Date = Date.init
  ) {
    self.log = log
    self.client = client
    self.operatorName = Self.nonBlank(operatorName) ?? OperatorName.login()
    self.clock = clock
  }

  /// Records that the operator `by` closed the lead `id` by hand; its state becomes `done`.
  public func markDone(_ id: LeadID, by: String) throws(HistoryError) {
    try log.append(.done(id: id, time: clock(), by: by))
  }

  private static func nonBlank(_ name: String?) -> String? {
    guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return name
  }

  /// Writes and flushes the queued record of an already validated lead, and returns its entry.
  public func enqueue(_ lead: Lead) throws(HistoryError) -> HistoryEntry {
    let id = LeadID.random()
    let time = clock()
    try log.append(
      .queued(
        id: id, time: time, lead: lead, endpoint: client.endpoint, method: client.method,
        operatorName: operatorName))
    return HistoryEntry(
      id: id, queuedAt: time, lead: lead, endpoint: client.endpoint, method: client.method,
      operatorName: operatorName)
  }

  /// Makes one attempt: records its start, sends, records the outcome, and returns it.
  ///
  /// The outcome is returned even when it cannot be recorded; `deliverReporting` also says
  /// whether the log kept up.
  public func deliver(_ entry: HistoryEntry) async -> Outcome {
    await deliverReporting(entry).outcome
  }

  /// Like `deliver`, and also returns the first error the log gave during the attempt.
  ///
  /// The lead is claimed first: under the log's append lock its state is read afresh and the
  /// `sending` record (with this process's id) written, so two processes never both send it.
  /// A lead that is not sendable (see `DeliveryRefusal`) is refused without a request; an
  /// uncertain one is sent only when `resendUncertain` says the operator asked.
  ///
  /// A failing log does not stop the attempt: the queued record is already on disk, so the lead
  /// stays visible as unfinished and can be looked at again. The attempt goes out with this
  /// dispatcher's client (today's endpoint and key), not the one recorded when it was queued.
  public func deliverReporting(_ entry: HistoryEntry, resendUncertain: Bool = false) async
    -> DeliveryReport
  {
    var historyError: HistoryError?
    let claim: Claim
    do {
      claim = try self.claim(entry, resendUncertain: resendUncertain)
    } catch {
      historyError = error
      claim = .granted(attempt: (entry.attempts.map(\.number).max() ?? 0) + 1)
    }
    let attempt: Int
    switch claim {
    case .refused(let current, let refusal):
      return DeliveryReport(
        attempt: current.attempts.map(\.number).max() ?? 0,
        outcome: Self.standIn(for: current, refusal: refusal), refusal: refusal)
    case .granted(let number):
      attempt = number
    }

    let outcome = await client.send(entry.lead)

    do {
      try log.append(.outcome(id: entry.id, time: clock(), attempt: attempt, outcome: outcome))
    } catch {
      historyError = historyError ?? error
    }
    return DeliveryReport(attempt: attempt, outcome: outcome, historyError: historyError)
  }

  enum Claim: Sendable {
    case granted(attempt: Int)
    case refused(HistoryEntry, DeliveryRefusal)
  }

  /// Judges the lead's state as the log has it now and writes `sending`, both under the lock.
  ///
  /// A lead the log cannot show (unreadable, or its file replaced) is judged by `entry`.
  private func claim(_ entry: HistoryEntry, resendUncertain: Bool) throws(HistoryError) -> Claim {
    let pid = getpid()
    let time = clock()
    return try log.appendAfterReading(entryOf: entry.id) { found in
      let current = found ?? entry
      if let refusal = DeliveryRefusal.reason(for: current, resendUncertain: resendUncertain) {
        return (nil, .refused(current, refusal))
      }
      let attempt = (current.attempts.map(\.number).max() ?? 0) + 1
      return (
        .sending(id: entry.id, time: time, attempt: attempt, pid: pid), .granted(attempt: attempt)
      )
    }
  }

  /// What a refused delivery reports: the lead's last outcome, with the refusal as the reason.
  static func standIn(for entry: HistoryEntry, refusal: DeliveryRefusal) -> Outcome {
    let last = entry.lastOutcome
    let kind: OutcomeKind = entry.state == .accepted ? .accepted : last?.kind ?? .uncertain
    return Outcome(
      kind: kind, httpStatus: last?.httpStatus, errors: last?.errors ?? [],
      reason: refusal.description)
  }
}

/// What one delivery attempt produced, and whether the log recorded it.
public struct DeliveryReport: Sendable, Equatable {
  /// The attempt's number, from 1.
  public var attempt: Int
  /// How the attempt ended.
  public var outcome: Outcome
  /// The first error appending to the log gave, if any: the outcome may be missing from it.
  public var historyError: HistoryError?
  /// Set when no request went out because the lead was not sendable; `outcome` then restates
  /// its last outcome with the refusal as the reason.
  public var refusal: DeliveryRefusal?

  /// Creates a report.
  public init(
    attempt: Int, outcome: Outcome, historyError: HistoryError? = nil,
    refusal: DeliveryRefusal? = nil
  ) {
    self.attempt = attempt
    self.outcome = outcome
    self.historyError = historyError
    self.refusal = refusal
  }
}
