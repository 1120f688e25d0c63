import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LeadDispatcher {
  /// Sends many leads fast: in groups of `groupSize`, each group claimed with one write and one
  /// flush of its `sending` records, its requests run with at most `connections` in flight, and
  /// its outcomes recorded with one more write and flush (a group commit).
  ///
  /// Crash-safe as single sends are: every lead's `sending` record is on disk before its
  /// request goes out, so a crash leaves each lead accepted, recorded, or uncertain
  /// ("interrupted"), never lost. `report` is called once per lead, in the order of
  /// `entries`. Answers the first error the log gave; the group it struck is not sent. Each
  /// group is claimed while the one before it is out (`deliverInGroups(loading:...)`).
  public func deliverInGroups(
    _ entries: [HistoryEntry], connections: Int, groupSize: Int = 256,
    report: (HistoryEntry, DeliveryReport) -> Void
  ) async -> HistoryError? {
    let size = max(1, groupSize)
    let groups = stride(from: 0, to: entries.count, by: size).map { start in
      let group = Array(entries[start..<min(entries.count, start + size)])
      return { @Sendable () -> [HistoryEntry] in group }
    }
    return await deliverInGroups(
      loading: groups, connections: connections, pause: { _ in nil }, report: report)
  }

  /// Like `deliverInGroups(_:connections:groupSize:report:)` for groups read only when their
  /// turn comes, as a pipeline: while one group's requests are out, the next group is read
  /// (`groups[i]()`, which may take its time) and claimed, so it goes out as soon as the one
  /// before it is answered; the outcomes of each group are then recorded with one write.
  ///
  /// Every lead's `sending` record is on disk before its request goes out, as ever; a lead is
  /// merely claimed one group earlier. When `pause` asks for a wait after an outcome (a CRM's
  /// `Retry-After`), the next group's requests wait that long, and the group after it is not
  /// claimed before they have gone out. When the log fails, the pass stops: a group already
  /// claimed is not sent, and its leads are recorded as not delivered if the log still takes
  /// it. `report` is called once per lead, group after group.
  ///
  /// Limitation: a group claimed before the pause it then waits through reads as uncertain
  /// (interrupted) should the process be killed during that pause, though it was not sent.
  public func deliverInGroups(
    loading groups: [@Sendable () -> [HistoryEntry]], connections: Int,
    pause: (Outcome) -> Double?, report: (HistoryEntry, DeliveryReport) -> Void
  ) async -> HistoryError? {
    let connections = max(1, connections)
    // The next group, once claimed; nil while it is still to be read and claimed.
    var ready: Result<ClaimedGroup, HistoryError>?
    var nextGroup = 0
    var wait = 0.0
    while true {
      if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
      if ready == nil {
        guard nextGroup < groups.count else { return nil }
        ready = claimedGroup(groups[nextGroup])
        nextGroup += 1
      }
      let current: ClaimedGroup
      switch ready {
      case .failure(let error)?: return error
      case .success(let group)?: current = group
      case nil: return nil
      }
      ready = nil
      async let sending = send(current.entries, claims: current.claims, connections: connections)
      // Read and claim the next group while this one is out, unless the CRM just asked for a
      // pause: then the next one is claimed only once this one is answered and the pause over.
      if wait == 0, nextGroup < groups.count {
        ready = claimedGroup(groups[nextGroup])
        nextGroup += 1
      }
      let outcomes = await sending
      let historyError = record(current, outcomes: outcomes, report: report)
      wait = outcomes.compactMap { $0 }.reduce(0) { max($0, pause($1) ?? 0) }
      if let historyError {
        if case .success(let unsent)? = ready { release(unsent, after: historyError, report) }
        return historyError
      }
    }
  }

  /// A group's entries, and what its claim gave for each.
  struct ClaimedGroup: Sendable {
    var entries: [HistoryEntry]
    var claims: [Claim]
  }

  /// Reads a group and claims it (one write and flush of its `sending` records).
  private func claimedGroup(_ load: () -> [HistoryEntry]) -> Result<ClaimedGroup, HistoryError> {
    let entries = load()
    guard !entries.isEmpty else { return .success(ClaimedGroup(entries: [], claims: [])) }
    do {
      return .success(ClaimedGroup(entries: entries, claims: try claimGroup(entries)))
    } catch {
      return .failure(error)
    }
  }

  /// Records the outcomes of a sent group with one write, then reports each lead in order;
  /// answers the error the write gave, if any.
  private func record(
    _ group: ClaimedGroup, outcomes: [Outcome?], report: (HistoryEntry, DeliveryReport) -> Void
  ) -> HistoryError? {
    var records: [HistoryRecord] = []
    let time = clock()
    for (index, claim) in group.claims.enumerated() {
      if case .granted(let attempt) = claim, let outcome = outcomes[index] {
        records.append(
          .outcome(id: group.entries[index].id, time: time, attempt: attempt, outcome: outcome))
      }
    }
    var historyError: HistoryError?
    do {
      try log.append(contentsOf: records)
    } catch {
      historyError = error
    }
    for (index, claim) in group.claims.enumerated() {
      let entry = group.entries[index]
      switch claim {
      case .refused(let current, let refusal):
        let outcome = Self.standIn(for: current, refusal: refusal)
        let attempt = current.attempts.map(\.number).max() ?? 0
        report(entry, DeliveryReport(attempt: attempt, outcome: outcome, refusal: refusal))
      case .granted(let attempt):
        guard let outcome = outcomes[index] else { continue }
        report(
          entry, DeliveryReport(attempt: attempt, outcome: outcome, historyError: historyError))
      }
    }
    return historyError
  }

  /// Gives back a claimed group that will not be sent: each granted lead is recorded as not
  /// delivered for that attempt (nothing went out), if the log still takes the write, and
  /// reported so.
  private func release(
    _ group: ClaimedGroup, after error: HistoryError,
    _ report: (HistoryEntry, DeliveryReport) -> Void
  ) {
    let unsent = Outcome(
      kind: .notDelivered,
      reason: "not sent: the pass stopped because the history log could not be written")
    let outcomes = group.claims.map { claim -> Outcome? in
      if case .granted = claim { return unsent }
      return nil
    }
    _ = record(group, outcomes: outcomes) { entry, delivery in
      var delivery = delivery
      delivery.historyError = delivery.historyError ?? error
      report(entry, delivery)
    }
  }

  /// Judges every lead of the group as the log has it now and writes the `sending` records of
  /// those that may go, in one write under the lock.
  private func claimGroup(_ group: [HistoryEntry]) throws(HistoryError) -> [Claim] {
    let pid = getpid()
    let time = clock()
    return try log.appendAfterReading(entriesOf: group.map(\.id)) { found in
      var records: [HistoryRecord] = []
      var claims: [Claim] = []
      for (entry, current) in zip(group, found) {
        let current = current ?? entry
        if let refusal = DeliveryRefusal.reason(for: current, resendUncertain: false) {
          claims.append(.refused(current, refusal))
          continue
        }
        let attempt = (current.attempts.map(\.number).max() ?? 0) + 1
        records.append(.sending(id: entry.id, time: time, attempt: attempt, pid: pid))
        claims.append(.granted(attempt: attempt))
      }
      return (records, claims)
    }
  }

  /// The outcomes of the granted leads' requests, at most `connections` at a time; nil for the
  /// refused ones.
  private func send(_ group: [HistoryEntry], claims: [Claim], connections: Int) async
    -> [Outcome?]
  {
    let granted = claims.indices.filter {
      if case .granted = claims[$0] { return true }
      return false
    }
    var outcomes = [Outcome?](repeating: nil, count: group.count)
    guard !granted.isEmpty else { return outcomes }
    let sent = await client.sendAll(granted.map { group[$0].lead }, connections: connections)
    for (index, outcome) in zip(granted, sent) {
      outcomes[index] = outcome
    }
    return outcomes
  }
}
