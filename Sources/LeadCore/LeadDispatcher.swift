import Foundation

/// Puts leads on disk before sending them, and records every attempt and its outcome.
///
/// The order is what makes a crash harmless: a lead is durable in the log before its request
/// can go out, and an outcome is durable before it is reported.
public final class LeadDispatcher: Sendable {
  /// The history the records go to.
  public let log: HistoryLog
  /// The client that sends.
  public let client: CRMClient
  /// The operator recorded with each queued lead.
  public let operatorName: String?
  private let clock: @Sendable () -> Date

  /// Creates a dispatcher; `clock` stamps the records.
  public init(
    log: HistoryLog, client: CRMClient, operatorName: String?,
    clock: @escaping @Sendable () -> Date = Date.init
  ) {
    self.log = log
    self.client = client
    self.operatorName = operatorName
    self.clock = clock
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
  /// A failing log does not stop the attempt: the queued record is already on disk, so the lead
  /// stays visible as unfinished and can be looked at again. The attempt goes out with this
  /// dispatcher's client (today's endpoint and key), not the one recorded when it was queued.
  public func deliverReporting(_ entry: HistoryEntry) async -> DeliveryReport {
    let attempt = (entry.attempts.map(\.number).max() ?? 0) + 1
    var historyError: HistoryError?
    do {
      try log.append(.sending(id: entry.id, time: clock(), attempt: attempt))
    } catch {
      historyError = error
    }

    let outcome = await client.send(entry.lead)

    do {
      try log.append(.outcome(id: entry.id, time: clock(), attempt: attempt, outcome: outcome))
    } catch {
      historyError = historyError ?? error
    }
    return DeliveryReport(attempt: attempt, outcome: outcome, historyError: historyError)
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

  /// Creates a report.
  public init(attempt: Int, outcome: Outcome, historyError: HistoryError? = nil) {
    self.attempt = attempt
    self.outcome = outcome
    self.historyError = historyError
  }
}
