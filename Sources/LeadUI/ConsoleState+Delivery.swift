import LeadCore

extension ConsoleState {
  /// Takes the newest page of the history read at start-up, keeping entries queued since then,
  /// newest first; the pane lists these until the whole log is indexed.
  mutating func loadHistory(_ snapshot: HistorySnapshot) {
    mergeIntoHistory(Array(snapshot.entries.prefix(ConsoleState.historyLimit)))
    historyIndex = HistoryIndex.inMemory(history.reversed())
    reportHistoryDamage(lines: snapshot.damagedLines, problem: snapshot.readProblem)
  }

  /// Takes the index of the whole log and the leads that still need someone; leads queued
  /// after the index read the file are added to it from memory.
  mutating func takeIndex(_ report: HistoryIndexReport, open: [HistoryEntry]) {
    let index = report.index
    mergeIntoHistory(open)
    // The index has read the file last, so its states win over those of the page read
    // first; leads queued since it read the file are added to it from memory.
    for offset in history.indices.reversed() {
      if let position = index.position(of: history[offset].id) {
        history[offset].state = index.state(at: position)
      } else {
        index.append(history[offset])
      }
    }
    historyIndex = index
    if historyBrowser != nil {
      let count = historyMatchPositions.count
      let height = historyListHeight
      historyBrowser?.keepVisible(count: count, height: height)
    }
    // Read again every few seconds for other writers: the status line only hears of damage
    // it has not told yet.
    if report.damagedLines != damagedHistoryLines || report.readProblem != historyReadProblem {
      reportHistoryDamage(lines: report.damagedLines, problem: report.readProblem)
    }
  }

  /// Adds `entries` to the leads held in full; an entry already held keeps its newer state.
  private mutating func mergeIntoHistory(_ entries: [HistoryEntry]) {
    let heldIDs = Set(history.map(\.id))
    let merged = history + entries.filter { !heldIDs.contains($0.id) }
    history = merged.enumerated()
      .sorted { ($0.element.queuedAt, $1.offset) > ($1.element.queuedAt, $0.offset) }
      .map(\.element)
  }

  /// Says on the status line that the log could not be read, or which lines were skipped.
  private mutating func reportHistoryDamage(lines: [Int], problem: String?) {
    damagedHistoryLines = lines
    historyReadProblem = problem
    if let problem {
      status = StatusMessage(text(.historyUnreadable, problem), role: .warning)
      return
    }
    guard !lines.isEmpty else { return }
    let count = lines.count
    let numbers = lines.prefix(5).map(String.init).joined(separator: ", ")
    let more = count > 5 ? ", …" : ""
    status = StatusMessage(text(.historyDamaged, count: count, numbers + more), role: .warning)
  }

  /// Shows a newly queued lead at the top of the history.
  mutating func recordQueued(_ entry: HistoryEntry) {
    history.removeAll { $0.id == entry.id }
    history.insert(entry, at: 0)
    historyIndex.append(entry)
  }

  /// Updates a lead's state in the history and reports it on the status line, naming the lead.
  mutating func recordUpdate(id: LeadID, state: LeadState, outcome: Outcome?) {
    let index = history.firstIndex { $0.id == id }
    if let index {
      history[index].state = state
      trackAttempt(of: index, state: state, outcome: outcome)
    }
    historyIndex.update(id, to: state)

    let label =
      index.map { LeadText.label(of: history[$0].lead, in: language) }
      ?? text(.leadWithID, "\(id)")
    if let outcome {
      status = StatusMessage(
        "\(label): \(LeadText.describe(outcome, in: language))",
        role: LeadText.role(of: outcome.kind))
    } else if state == .sending, let index, history[index].method == .get {
      // Every GET puts the key in a URL that proxies and server logs keep: say so each time.
      status = StatusMessage(text(.sendingByGet, label), role: .warning)
    } else {
      status = StatusMessage("\(label): \(HistoryRow.word(for: state, in: language))")
    }
  }

  /// Takes back the attempt shown as started for a resend the log refused, and says why: the
  /// lead keeps the state the log gives it and no attempt is listed for the refusal.
  mutating func recordRefusal(id: LeadID, state: LeadState, refusal: DeliveryRefusal) {
    let index = history.firstIndex { $0.id == id }
    if let index {
      if let last = history[index].attempts.last, last.outcome == nil, last.finishedAt == nil {
        history[index].attempts.removeLast()
      }
      history[index].state = state
    }
    historyIndex.update(id, to: state)
    let label =
      index.map { LeadText.label(of: history[$0].lead, in: language) }
      ?? text(.leadWithID, "\(id)")
    let message: String
    switch refusal {
    case .accepted: message = text(.refusedAccepted, label)
    case .done: message = text(.refusedDone, label)
    case .uncertain: message = text(.refusedUncertain, label)
    case .inFlight: message = text(.resendInFlight, label)
    case .rejected(let codes):
      message = text(.refusedRejected, label, codes.map(String.init).joined(separator: ", "))
    }
    status = StatusMessage(message, role: .warning)
  }

  /// Brings back a lead the runner could not write to the history log: into the form at once
  /// when it is empty, else as soon as the form is next cleared.
  mutating func takeBackUnsaved(_ lead: Lead, message: String) {
    let label = LeadText.label(of: lead, in: language)
    if isFormEmpty {
      fill(with: lead)
      status = StatusMessage(text(.unsavedBack, message, label), role: .error)
    } else {
      unsavedLeads.append(lead)
      status = StatusMessage(text(.unsavedLater, message, label), role: .error)
    }
  }

  /// Keeps the entry's attempts as the log records them, so the detail view lists each one and
  /// a resend is numbered after the last.
  private mutating func trackAttempt(of index: Int, state: LeadState, outcome: Outcome?) {
    let now = context.now()
    if state == .sending {
      let number = (history[index].attempts.map(\.number).max() ?? 0) + 1
      history[index].attempts.append(AttemptRecord(number: number, startedAt: now))
    } else if state == .done {
      history[index].doneAt = now
    }
    guard let outcome else { return }
    history[index].lastOutcome = outcome
    if let last = history[index].attempts.indices.last,
      history[index].attempts[last].outcome == nil
    {
      history[index].attempts[last].finishedAt = now
      history[index].attempts[last].outcome = outcome
    } else {
      let number = (history[index].attempts.map(\.number).max() ?? 0) + 1
      history[index].attempts.append(
        AttemptRecord(number: number, finishedAt: now, outcome: outcome))
    }
  }
}
