import Foundation
import LeadCore
import LeadUI

/// `lead-console retry`: sends again, once each, the leads the CRM certainly did not get.
enum RetryCommand {
  static let help = """
    Usage: lead-console retry [--log FILE] [--key KEY] [--endpoint URL] [--ca-file FILE]
                              [--connect-timeout S] [--timeout S]
                              [--max-attempts N] [--rate R | --rate unlimited]
                              [--connections N] [--compact-over BYTES]

    Sends once more every lead of the history log whose state is not delivered and that has
    had fewer than --max-attempts attempts (default 5), and every lead left queued and never
    sent for more than 30 seconds (its process stopped first), the oldest first, at most --rate
    requests per second (default 1); a "retry after" the CRM asked for in a 429 answer is
    honoured, up to 60 seconds. --rate unlimited sends as fast as the CRM answers, with at
    most --connections requests at once (default 8, up to 64) over connections kept open,
    recording each group of up to 256 leads with one write: for a backlog after an outage.
    Uncertain, rejected, accepted and still-sending leads are never sent: an uncertain one
    may already be in the CRM, so check there first. Each attempt and its outcome are
    written to the history log. One line is printed per lead, then a summary.
    Only one retry runs at a time on a log (it holds FILE.retry.lock). A lead another process
    is sending at that moment is left to it. Before sending, a log larger than --compact-over
    bytes (default 32 MiB) is compacted: each lead's records become one, atomically.

    Exit status:
      0  no lead is left not delivered
      2  usage or configuration error, the log cannot be read, or another retry is running
         on this log
      3  some leads are still not delivered (sent and refused again, or out of attempts)
    """

  static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var reader = try ArgumentReader(
      arguments,
      valued: ClientOptions.valued.union([
        "--max-attempts", "--rate", "--connections", "--compact-over",
      ]))
    if try reader.flag("--help") {
      print(help)
      return 0
    }
    let maxAttempts = try count(reader.value("--max-attempts"))
    let requestRate = try rate(reader.value("--rate"))
    let connections = try connectionCount(reader.value("--connections")) ?? 8
    let compactOver =
      try byteCount(reader.value("--compact-over")) ?? HistoryLog.defaultCompactionLimit
    let options = try ClientOptions(reading: &reader, environment: environment)
    // The options win; else the config file's max_attempts and requests_per_second.
    let plan = RetryPlan(
      maxAttempts: maxAttempts ?? options.configuration.maxAttempts,
      rate: requestRate ?? options.configuration.requestsPerSecond)
    try reader.checkAllUsed()
    if let stray = reader.arguments.first {
      throw UsageError(description: "unexpected argument '\(stray)'")
    }
    for warning in options.warnings { printError(warning) }
    // At full speed a backlog keeps its connections open, each request's body one that
    // libcurl cannot send twice (`CurlHandlePool`); spaced out, each lead has its own.
    guard let client = options.client(reusesConnections: plan.rate == .infinity) else {
      printError("lead-console: no API key; nothing was sent.")
      printError(options.configuration.missingKeyHelp)
      return 2
    }

    let log = HistoryLog(url: options.logFile)
    guard FileManager.default.fileExists(atPath: log.url.path) else {
      print("retry: no history yet at \(log.url.path); nothing to send")
      return 0
    }
    let held: HeldHistoryLock
    do {
      guard let lock = try HistoryLock.retrying(log.url).acquire(waiting: false) else {
        printError("lead-console: another retry is already running on \(log.url.path)")
        return 2
      }
      held = lock
    } catch {
      printError("lead-console: \(error)")
      return 2
    }
    defer { held.release() }
    do {
      try log.compact(
        maxBytes: compactOver,
        retention: options.configuration.retentionDays.map { HistoryRetention(days: $0) })
    } catch {
      // The log is still whole (compaction replaces it only once the new file is complete).
      printError("lead-console: the history was not compacted: \(error)")
    }
    let index = log.currentIndex()
    let report = index.report
    if !report.damagedLines.isEmpty {
      let lines = report.damagedLines.map(String.init).joined(separator: ", ")
      printError(
        "lead-console: skipped \(report.damagedLines.count) damaged line(s) in "
          + "\(log.url.path): \(lines)")
    }

    let dispatcher = LeadDispatcher(
      log: log, client: client, operatorName: options.configuration.operatorName)
    let tally = runBlocking {
      plan.rate.isInfinite
        ? await resendInGroups(plan: plan, dispatcher: dispatcher, connections: connections)
        : await resend(plan: plan, dispatcher: dispatcher)
    }
    return summarise(tally, plan: plan, log: log)
  }

  /// What one pass did.
  struct Tally: Sendable {
    var sent: [OutcomeKind: Int] = [:]
    var historyProblems = 0
  }

  /// The leads due for a resend, the oldest queued first, read through the log's index.
  static func due(plan: RetryPlan, log: HistoryLog) -> [HistoryEntry] {
    let index = log.currentIndex()
    let now = Date()
    return index.matches(query: "", states: [.queued, .notDelivered]).reversed()
      .compactMap { index.fileEntry(at: Int($0)) }
      .filter { plan.isDue($0, now: now) }
  }

  /// Sends each due lead once, spaced out. Each is claimed afresh, so a lead another process
  /// has sent meanwhile is left alone.
  static func resend(plan: RetryPlan, dispatcher: LeadDispatcher) async -> Tally {
    var tally = Tally()
    var previous: (requestAt: Date, outcome: Outcome, outcomeAt: Date)?
    // The list is fixed at the start, so the pass is bounded by the leads due then.
    for entry in due(plan: plan, log: dispatcher.log) {
      let pause = plan.pause(
        now: Date(), previousRequestAt: previous?.requestAt,
        previousOutcome: previous?.outcome ?? entry.lastOutcome,
        previousOutcomeAt: previous?.outcomeAt ?? entry.attempts.last?.finishedAt)
      if pause > 0 {
        try? await Task.sleep(for: .seconds(pause))
      }
      let requestAt = Date()
      let report = await dispatcher.deliverReporting(entry)
      if report.refusal == nil {
        previous = (requestAt, report.outcome, Date())
      }
      take(report, for: entry, into: &tally)
    }
    return tally
  }

  /// Sends every due lead once, as fast as the CRM answers, in group-committed groups with
  /// at most `connections` requests at once; a `Retry-After` pauses before the next group.
  ///
  /// The candidates are listed from the index's columns alone; each group's entries are read
  /// back from the log (and judged due) and claimed while the group before it is being sent
  /// (`LeadDispatcher.deliverInGroups(loading:...)`), so reading and claiming overlap the
  /// waits on the CRM instead of coming between its requests.
  static func resendInGroups(plan: RetryPlan, dispatcher: LeadDispatcher, connections: Int) async
    -> Tally
  {
    var tally = Tally()
    let index = dispatcher.log.currentIndex()
    let candidates = candidateIDs(in: index)
    let now = Date()
    let groups = stride(from: 0, to: candidates.count, by: groupSize).map { start in
      let ids = candidates[start..<min(candidates.count, start + groupSize)]
      return { @Sendable in dueEntries(ids, in: index, plan: plan, now: now) }
    }
    let problem = await dispatcher.deliverInGroups(
      loading: groups, connections: connections, pause: RetryPlan.retryAfter(in:)
    ) { entry, report in
      take(report, for: entry, into: &tally)
    }
    if let problem {
      printError("lead-console: the pass stopped: \(problem)")
      tally.historyProblems += 1
    }
    return tally
  }

  /// The leads one group commit claims at most.
  static let groupSize = 256

  /// The ids of the leads that may be due (queued or not delivered), the oldest queued first,
  /// read from the index's columns without decoding any record.
  static func candidateIDs(in index: HistoryIndex) -> [LeadID] {
    index.matches(query: "", states: [.queued, .notDelivered]).reversed().map {
      index.id(at: Int($0))
    }
  }

  /// The entries of `ids` as the log has them, those due at `now`, in the same order. Looked
  /// up by id after the index has read what changed, so a log replaced meanwhile (compacted
  /// by another process) gives the right leads from its new file.
  static func dueEntries(
    _ ids: ArraySlice<LeadID>, in index: HistoryIndex, plan: RetryPlan, now: Date
  ) -> [HistoryEntry] {
    index.refresh()
    var entries = ids.map { id in index.position(of: id).flatMap { index.fileEntry(at: $0) } }
    if entries.contains(where: { $0 == nil }) {
      // Replaced between the refresh and the reading: read the new file once more.
      index.refresh()
      entries = ids.map { id in index.position(of: id).flatMap { index.fileEntry(at: $0) } }
    }
    return entries.compactMap { $0 }.filter { plan.isDue($0, now: now) }
  }

  /// Prints one lead's line and counts it.
  private static func take(
    _ report: DeliveryReport, for entry: HistoryEntry, into tally: inout Tally
  ) {
    if let refusal = report.refusal {
      print(TerminalText.singleLine("lead \(entry.id): \(refusal)"))
      return
    }
    tally.sent[report.outcome.kind, default: 0] += 1
    if let problem = report.historyError {
      tally.historyProblems += 1
      printError("lead-console: lead \(entry.id): \(problem)")
    }
    print(line(for: entry.id, report: report))
  }

  /// One lead's result: id, attempt, outcome and reason, control characters neutralised.
  static func line(for id: LeadID, report: DeliveryReport) -> String {
    let kind =
      switch report.outcome.kind {
      case .accepted: "accepted"
      case .rejected: "rejected"
      case .notDelivered: "not delivered"
      case .uncertain: "uncertain"
      }
    let reason = report.outcome.reason
    return TerminalText.singleLine("lead \(id): attempt \(report.attempt): \(kind) (\(reason))")
  }

  /// Prints the summary and picks the exit status from the log as it now stands.
  static func summarise(_ tally: Tally, plan: RetryPlan, log: HistoryLog) -> Int32 {
    let index = log.currentIndex()
    let waiting = index.matches(query: "", states: [.notDelivered])
      .compactMap { index.fileEntry(at: Int($0)) }
    let exhausted = waiting.filter(plan.isExhausted).count
    let sent = tally.sent.values.reduce(0, +)
    var summary = "retry: \(sent) sent"
    if sent > 0 {
      let parts: [(OutcomeKind, String)] = [
        (.accepted, "accepted"), (.rejected, "rejected"), (.notDelivered, "not delivered"),
        (.uncertain, "uncertain"),
      ]
      summary +=
        " (" + parts.map { "\(tally.sent[$0.0, default: 0]) \($0.1)" }.joined(separator: ", ")
        + ")"
    }
    summary += "; \(waiting.count) still not delivered"
    if exhausted > 0 {
      summary += " (\(exhausted) out of attempts: resend by hand)"
    }
    print(summary)
    if tally.sent[.uncertain, default: 0] > 0 {
      print("retry: check the CRM for the uncertain leads before sending them again")
    }
    return waiting.isEmpty ? 0 : 3
  }

  private static func count(_ text: String?) throws(UsageError) -> Int? {
    guard let text else { return nil }
    guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
      (1...1_000).contains(value)
    else {
      throw UsageError(
        description: "option --max-attempts takes a whole number from 1 to 1000, not '\(text)'")
    }
    return value
  }

  private static func byteCount(_ text: String?) throws(UsageError) -> Int? {
    guard let text else { return nil }
    guard text.allSatisfy({ $0.isASCII && $0.isNumber }), text.count <= 15, let value = Int(text)
    else {
      throw UsageError(description: "option --compact-over takes a size in bytes, not '\(text)'")
    }
    return value
  }

  private static func connectionCount(_ text: String?) throws(UsageError) -> Int? {
    guard let text else { return nil }
    guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
      (1...64).contains(value)
    else {
      throw UsageError(
        description: "option --connections takes a whole number from 1 to 64, not '\(text)'")
    }
    return value
  }

  private static func rate(_ text: String?) throws(UsageError) -> Double? {
    guard let text else { return nil }
    if text == "unlimited" { return .infinity }
    let decimal = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard decimal, let value = Double(text), value > 0, value <= 100 else {
      throw UsageError(
        description:
          "option --rate takes requests per second above 0, up to 100, or unlimited, not '\(text)'")
    }
    return value
  }
}
