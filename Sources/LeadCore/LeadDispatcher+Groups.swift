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
  /// `entries`. Answers the first error the log gave; the group it struck is not sent.
  public func deliverInGroups(
    _ entries: [HistoryEntry], connections: Int, groupSize: Int = 256,
    report: (HistoryEntry, DeliveryReport) -> Void
  ) async -> HistoryError? {
    let connections = max(1, connections)
    for start in stride(from: 0, to: entries.count, by: max(1, groupSize)) {
      let group = Array(entries[start..<min(entries.count, start + max(1, groupSize))])
      let claims: [Claim]
      do {
        claims = try claimGroup(group)
      } catch {
        return error
      }
      let outcomes = await send(group, claims: claims, connections: connections)
      var records: [HistoryRecord] = []
      let time = clock()
      for (index, claim) in claims.enumerated() {
        if case .granted(let attempt) = claim, let outcome = outcomes[index] {
          records.append(
            .outcome(id: group[index].id, time: time, attempt: attempt, outcome: outcome))
        }
      }
      var historyError: HistoryError?
      do {
        try log.append(contentsOf: records)
      } catch {
        historyError = error
      }
      for (index, claim) in claims.enumerated() {
        switch claim {
        case .refused(let current, let refusal):
          let outcome = Self.standIn(for: current, refusal: refusal)
          let attempt = current.attempts.map(\.number).max() ?? 0
          report(group[index], DeliveryReport(attempt: attempt, outcome: outcome, refusal: refusal))
        case .granted(let attempt):
          guard let outcome = outcomes[index] else { continue }
          report(
            group[index],
            DeliveryReport(attempt: attempt, outcome: outcome, historyError: historyError))
        }
      }
      if let historyError { return historyError }
    }
    return nil
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
    let client = self.client
    var outcomes = [Outcome?](repeating: nil, count: group.count)
    await withTaskGroup(of: (Int, Outcome).self) { tasks in
      var waiting = granted.makeIterator()
      for _ in 0..<connections {
        guard let index = waiting.next() else { break }
        let lead = group[index].lead
        tasks.addTask { (index, await client.send(lead)) }
      }
      while let (index, outcome) = await tasks.next() {
        outcomes[index] = outcome
        if let next = waiting.next() {
          let lead = group[next].lead
          tasks.addTask { (next, await client.send(lead)) }
        }
      }
    }
    return outcomes
  }
}
