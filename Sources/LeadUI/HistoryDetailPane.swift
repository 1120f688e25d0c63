import Foundation
import LeadCore

/// Draws the detail view of one lead: every field (extra fields too), who entered it and
/// when, and every attempt with its time, HTTP status, CRM codes and reason.
enum HistoryDetailPane {
  /// The detail view's lines for an entry in `language`, each safe to draw on one row.
  static func lines(
    for entry: HistoryEntry, timeZone: TimeZone, language: InterfaceLanguage = .english
  ) -> [String] {
    let lead = entry.lead
    let by = { (name: String?) in name.map { language.text(.detailBy, $0) } ?? "" }
    let state =
      "\(HistoryRow.mark(for: entry.state)) \(HistoryRow.word(for: entry.state, in: language))"
    var lines = [
      language.text(.detailState, state),
      language.text(.detailQueued, stamp(entry.queuedAt, timeZone)) + by(entry.operatorName)
        + " · \(entry.method.rawValue.uppercased()) \(entry.endpoint)",
    ]
    if let doneAt = entry.doneAt {
      lines.append(language.text(.detailDone, stamp(doneAt, timeZone)) + by(entry.doneBy))
    }
    if let purgedAt = entry.purgedAt {
      lines.append(language.text(.detailPurged, stamp(purgedAt, timeZone)))
    }
    lines += [
      "\(BaseField.firstName.label(in: language)): \(lead.firstName)",
      "\(BaseField.lastName.label(in: language)): \(lead.lastName)",
      "\(BaseField.phone.label(in: language)): \(lead.phone)",
      "\(language.text(.detailEmail)): \(lead.email)",
      "\(BaseField.comment.label(in: language)): \(lead.comment)",
    ]
    lines += lead.extraFields.map { "\($0.code): \($0.value)" }
    lines.append(language.text(entry.attempts.isEmpty ? .detailNoAttempts : .detailAttempts))
    for attempt in entry.attempts {
      lines.append(describe(attempt, timeZone: timeZone, language: language))
      for error in attempt.outcome?.errors ?? [] {
        lines.append(
          "    " + language.text(.detailCRMError, String(error.code), error.message(in: language)))
      }
      if let reason = attempt.outcome?.reason, !reason.isEmpty {
        lines.append("    \(reason)")
      }
    }
    return lines.map(TerminalText.singleLine)
  }

  /// How far a wrapped line's continuation rows are indented.
  static let continuationIndent = "      "

  /// The detail view's rows at `width` columns: each line wrapped between words, its
  /// continuation rows indented, so a long endpoint or CRM answer is read whole, not cut.
  static func rows(
    for entry: HistoryEntry, timeZone: TimeZone, language: InterfaceLanguage, width: Int
  ) -> [String] {
    guard width > continuationIndent.count + 1 else { return [] }
    let rest = width - continuationIndent.count
    return lines(for: entry, timeZone: timeZone, language: language).flatMap { line in
      guard DisplayWidth.of(line) > width else { return [line] }
      let first = DisplayWidth.wrapped(line, toWidth: width)
      guard let head = first.first else { return [line] }
      let tail = first.dropFirst().joined(separator: " ")
      return [head] + DisplayWidth.wrapped(tail, toWidth: rest).map { continuationIndent + $0 }
    }
  }

  /// One attempt's summary line: number, start and end, outcome and HTTP status.
  private static func describe(
    _ attempt: AttemptRecord, timeZone: TimeZone, language: InterfaceLanguage
  ) -> String {
    var parts = ["  #\(attempt.number)"]
    if let started = attempt.startedAt {
      parts.append(language.text(.attemptStarted, stamp(started, timeZone)))
    }
    if let finished = attempt.finishedAt {
      parts.append(language.text(.attemptEnded, stamp(finished, timeZone)))
    }
    if let outcome = attempt.outcome {
      parts.append(HistoryRow.word(for: LeadState(outcome.kind), in: language))
      if let status = outcome.httpStatus { parts.append("HTTP \(status)") }
    } else {
      parts.append(language.text(.attemptNoAnswer))
    }
    return parts.joined(separator: " · ")
  }

  /// A time as `yyyy-MM-dd HH:mm:ss` in the console's time zone.
  static func stamp(_ date: Date, _ timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let part = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d:%02d", part.year ?? 0, part.month ?? 0, part.day ?? 0,
      part.hour ?? 0, part.minute ?? 0, part.second ?? 0)
  }

  /// Draws the title and as many lines as fit from the scroll position.
  static func draw(
    _ state: ConsoleState, entry: HistoryEntry, scroll: Int, layout: FormLayout,
    into screen: inout ScreenBuffer
  ) {
    let width = layout.columns
    let title = state.text(.leadWithID, LeadText.label(of: entry.lead, in: state.language))
    screen.draw(
      DisplayWidth.truncated(title, toWidth: width - 2), row: 1, column: 1,
      role: HistoryRow.role(for: entry.state))
    let region = HistoryBrowserPane.listRegion(rows: layout.rows, columns: width)
    let top = 2
    let height = region.top + region.height - top
    let rows = rows(
      for: entry, timeZone: state.context.timeZone, language: state.language, width: width - 2)
    for (offset, line) in rows.dropFirst(scroll).prefix(max(0, height)).enumerated() {
      screen.draw(
        DisplayWidth.truncated(line, toWidth: width - 2), row: top + offset, column: 1,
        role: .normal)
    }
    screen.cursor = nil
  }
}
