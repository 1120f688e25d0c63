import Foundation
import LeadCore

extension ConsoleState {
  /// The positions in `historyIndex` of the leads the history pane lists now: those passing
  /// its filters, newest first. The index keeps the answer, so asking again costs nothing.
  public var historyMatchPositions: [Int32] {
    let browser = historyBrowser ?? HistoryBrowser()
    return historyIndex.matches(query: browser.filter.value, states: browser.stateFilter.states)
  }

  /// The leads the history pane lists now, in full (every one read back: for small logs).
  public var historyMatches: [HistoryEntry] {
    historyMatchPositions.compactMap { historyEntry(at: Int($0)) }
  }

  /// The full entry of the lead at `position` in the index: held in memory, else read back
  /// from the log.
  public func historyEntry(at position: Int) -> HistoryEntry? {
    let id = historyIndex.id(at: position)
    return history.first { $0.id == id } ?? historyIndex.entry(at: position)
  }

  /// The history entry the pane has selected, or nil when none matches.
  public var selectedHistoryEntry: HistoryEntry? {
    guard let historyBrowser else { return nil }
    let matches = historyMatchPositions
    return matches.indices.contains(historyBrowser.selection)
      ? historyEntry(at: Int(matches[historyBrowser.selection])) : nil
  }

  /// The entry whose detail view is open, or nil.
  public var detailEntry: HistoryEntry? {
    guard let id = historyBrowser?.detailID else { return nil }
    if let held = history.first(where: { $0.id == id }) { return held }
    return historyIndex.position(of: id).flatMap { historyIndex.entry(at: $0) }
  }

  /// Today's counts for the history pane's header, by the context's clock and time zone.
  public var todayCounts: HistoryCounts {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = context.timeZone
    guard let today = calendar.dateInterval(of: .day, for: context.now()) else {
      return HistoryCounts()
    }
    return HistoryCounts(historyIndex.counts(queuedIn: today))
  }

  /// Rows of the history list at the reported screen size.
  var historyListHeight: Int {
    guard let size = screenSize else { return 10 }
    return max(1, HistoryBrowserPane.listRegion(rows: size.rows, columns: size.columns).height)
  }

  /// Puts the focus on the history pane, the newest lead selected.
  mutating func openHistory() {
    pickList = nil
    historyBrowser = HistoryBrowser()
    status = StatusMessage(text(.historyOpened))
  }

  /// Adds typed text to the history's filter; in the detail view typing does nothing.
  mutating func narrowHistory(with text: String) {
    guard historyBrowser?.detailID == nil else { return }
    _ = historyBrowser?.filter.insert(text)
    historyBrowser?.restart()
  }

  /// Carries out a command while the history pane has the focus.
  mutating func performInHistory(_ command: Command) -> [Effect] {
    let inDetail = historyBrowser?.detailID != nil
    switch command {
    case .close:
      closeHistoryLevel()
    case .cycleStateFilter:
      let next = historyBrowser?.stateFilter.next ?? .all
      historyBrowser?.stateFilter = next
      historyBrowser?.restart()
      status = StatusMessage(text(.historyFiltered, next.name(in: language)))
    case .deleteBackward:
      historyBrowser?.filter.deleteBackward()
      historyBrowser?.restart()
    case .openDetail:
      openDetail()
    case .selectPrevious, .selectNext, .pageUp, .pageDown, .selectFirst, .selectLast:
      if inDetail { scrollDetail(command) } else { moveInHistory(command) }
    case .resend:
      return resendDetail()
    case .copyToForm:
      copyDetailToForm()
    case .markDone:
      return markDetailDone()
    default:
      break
    }
    return []
  }

  /// Esc: from the details back to the list, from the list back to the form.
  mutating func closeHistoryLevel() {
    if historyBrowser?.detailID != nil {
      historyBrowser?.detailID = nil
      status = StatusMessage(text(.historyTitle))
    } else {
      historyBrowser = nil
      status = StatusMessage(text(.backInForm))
    }
  }

  /// Moves the list's selection for Up, Down, the page keys, Home and End.
  mutating func moveInHistory(_ command: Command) {
    let count = historyMatchPositions.count
    let height = historyListHeight
    let step: Int
    switch command {
    case .selectPrevious: step = -1
    case .selectNext: step = 1
    case .pageUp: step = -max(1, height - 1)
    case .pageDown: step = max(1, height - 1)
    case .selectFirst: step = -count
    default: step = count
    }
    historyBrowser?.move(by: step, count: count, height: height)
  }

  /// Scrolls the detail view, never past its last line.
  mutating func scrollDetail(_ command: Command) {
    guard let entry = detailEntry else { return }
    let lines = HistoryDetailPane.rows(
      for: entry, timeZone: context.timeZone, language: language,
      width: screenSize.map { $0.columns - 2 } ?? 0
    ).count
    let page = max(1, historyListHeight)
    let current = historyBrowser?.detailScroll ?? 0
    let wanted: Int
    switch command {
    case .selectPrevious: wanted = current - 1
    case .selectNext: wanted = current + 1
    case .pageUp: wanted = current - page
    case .pageDown: wanted = current + page
    case .selectFirst: wanted = 0
    default: wanted = lines
    }
    historyBrowser?.detailScroll = max(0, min(wanted, max(0, lines - page)))
  }

  /// Enter: opens the selected lead's details.
  mutating func openDetail() {
    guard let entry = selectedHistoryEntry else {
      status = StatusMessage(text(.historyNoMatch), role: .warning)
      return
    }
    historyBrowser?.detailID = entry.id
    historyBrowser?.detailScroll = 0
    // Held in full from now on, so resending it or marking it done finds it.
    if !history.contains(where: { $0.id == entry.id }) {
      history.append(entry)
    }
    status = StatusMessage(text(.detailOpened, LeadText.label(of: entry.lead, in: language)))
  }

  /// Asks the runner to send the shown lead again; a lead still in flight is left alone.
  mutating func resendDetail() -> [Effect] {
    guard let entry = detailEntry else { return [] }
    let label = LeadText.label(of: entry.lead, in: language)
    guard context.canSend else {
      status = StatusMessage(text(.notResent, noKeyMessage), role: .error)
      return []
    }
    guard entry.state != .done else {
      // The log keeps a done lead done whatever a later attempt says, so a resend would be
      // lost from view: a fresh copy through the form is the honest way.
      status = StatusMessage(text(.resendDone, label), role: .warning)
      return []
    }
    guard entry.state != .sending else {
      status = StatusMessage(text(.resendInFlight, label), role: .warning)
      return []
    }
    status = StatusMessage(text(.resending, label))
    return [.resend(entry.id)]
  }

  /// Puts the shown lead into the form and gives the form the focus, to fix and send again.
  ///
  /// Over a lead being typed it asks first, as the new-call key does: the same key again
  /// replaces that lead, any other keeps it.
  mutating func copyDetailToForm() {
    guard let entry = detailEntry else { return }
    let question = StatusMessage(text(.copyQuestion), role: .warning)
    guard isFormEmpty || (isCopyPending && status == question) else {
      isCopyPending = true
      status = question
      return
    }
    isCopyPending = false
    historyBrowser = nil
    fill(with: entry.lead)
    status = StatusMessage(text(.copiedToForm, LeadText.label(of: entry.lead, in: language)))
  }

  /// Asks the runner to record the shown lead as done; one already done stays as it is.
  mutating func markDetailDone() -> [Effect] {
    guard let entry = detailEntry else { return [] }
    let label = LeadText.label(of: entry.lead, in: language)
    guard entry.state != .done else {
      status = StatusMessage(text(.alreadyDone, label))
      return []
    }
    status = StatusMessage(text(.markingDone, label))
    return [.markDone(entry.id)]
  }
}
