import Foundation
import LeadCore

extension ConsoleState {
  /// What the warning asks of the operator; always shown in full, the name gives way first.
  var duplicateChoice: String { text(.duplicateChoice) }

  /// Holds back a lead that reaches the same client as one the history shows from the last
  /// 24 hours, naming that lead on the status line, and answers true. The same lead sent again
  /// while held back goes through: the operator has seen the warning and confirmed it.
  mutating func holdsBackAsDuplicate(_ lead: Lead) -> Bool {
    if let pending = pendingDuplicate, pending == lead {
      pendingDuplicate = nil
      return false
    }
    pendingDuplicate = nil
    // Every lead of the last 24 hours counts, not only those held in full: the index finds
    // the newest one sharing the phone or e-mail, and its entry is read back to name it.
    let since = context.now().addingTimeInterval(-DuplicateCheck.window)
    guard let position = historyIndex.newestSharingContact(with: lead, since: since),
      let earlier = historyEntry(at: position),
      let shared = DuplicateCheck.sharedContact(of: lead, and: earlier.lead)
    else { return false }

    pendingDuplicate = lead
    status = StatusMessage(duplicateWarning(naming: earlier, shared: shared), role: .warning)
    return true
  }

  /// Any key but F2 after the warning: the lead stays in the form, unsent.
  mutating func dropDuplicate() {
    pendingDuplicate = nil
    status = StatusMessage(text(.duplicateDropped))
  }

  /// News that replaces the warning on the status line (an outcome, a notice) also cancels
  /// it, so F2 never sends a duplicate whose warning the operator may not have read.
  mutating func dropDuplicateUnlessStill(_ shown: StatusMessage) {
    if pendingDuplicate != nil, status != shown {
      pendingDuplicate = nil
    }
  }

  /// `Same phone as Иван Петров, 10:42, accepted. F2: send, other key: back` (a lead of the
  /// day before shows its date, `01.05 10:42`); the
  /// earlier lead's name is shortened so the choice fits the status line.
  func duplicateWarning(naming earlier: HistoryEntry, shared: BaseField) -> String {
    let name = LeadText.name(of: earlier.lead)
    let who = name.isEmpty ? earlier.lead[shared] : name
    let row = HistoryRow(earlier, timeZone: context.timeZone, language: language)
    let day = dayPrefix(of: earlier.queuedAt)
    let prefix = text(shared == .phone ? .duplicatePhone : .duplicateEmail)
    let rest = ", \(day)\(row.time), \(row.word)\(duplicateChoice)"

    let columns = (screenSize?.columns ?? 80) - 2
    let room = max(8, columns - DisplayWidth.of(prefix) - DisplayWidth.of(rest))
    return prefix + DisplayWidth.truncated(who, toWidth: room) + rest
  }

  /// Nothing for a time on the current day in the console's time zone, else `dd.MM `, so a
  /// time from the day before is not read as today's.
  private func dayPrefix(of date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = context.timeZone
    guard !calendar.isDate(date, inSameDayAs: context.now()) else { return "" }
    let parts = calendar.dateComponents([.day, .month], from: date)
    return String(format: "%02d.%02d ", parts.day ?? 0, parts.month ?? 0)
  }
}
