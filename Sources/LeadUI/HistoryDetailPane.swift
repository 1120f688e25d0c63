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
        + separator + "\(entry.method.rawValue.uppercased()) \(entry.endpoint)",
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

  /// The detail view's lines broken to `width` columns: a line too long goes on over the
  /// next rows, indented two columns more than its start, so nothing is cut off.
  static func rows(
    for entry: HistoryEntry, timeZone: TimeZone, language: InterfaceLanguage, width: Int
  ) -> [String] {
    lines(for: entry, timeZone: timeZone, language: language).flatMap { wrap($0, toWidth: width) }
  }

  /// One line as the rows it takes at `width` columns, continuation rows indented. The line
  /// breaks between its ` · ` parts where it can, and between words inside a part too long.
  static func wrap(_ line: String, toWidth width: Int) -> [String] {
    guard width > 0, DisplayWidth.of(line) > width else { return [line] }
    let indent = min(line.prefix { $0 == " " }.count, width / 2)
    let room = max(1, width - indent - 2)
    var rows: [String] = []
    var row = ""
    for part in String(line.dropFirst(indent)).components(separatedBy: separator) {
      let joined = row.isEmpty ? part : row + separator + part
      if DisplayWidth.of(joined) <= room {
        row = joined
        continue
      }
      if !row.isEmpty { rows.append(row) }
      let pieces = DisplayWidth.wrapped(part, toWidth: room)
      rows += pieces.dropLast()
      row = pieces.last ?? ""
    }
    rows.append(row)
    let first = String(repeating: " ", count: indent)
    let next = String(repeating: " ", count: indent + 2)
    return rows.enumerated().map { ($0.offset == 0 ? first : next) + $0.element }
  }

  /// What joins the parts of a summary line.
  private static let separator = " · "

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
    return parts.joined(separator: separator)
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

  /// Draws the title and as many rows as fit from the scroll position, long lines wrapped.
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
      screen.draw(line, row: top + offset, column: 1, role: .normal)
    }
    screen.cursor = nil
  }
}
