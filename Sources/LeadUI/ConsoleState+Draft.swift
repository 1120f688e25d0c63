import Foundation
import LeadCore

extension ConsoleState {
  /// The form as a draft to keep: every field's text by code in the form's order, and the
  /// focused field; nil when the form holds only what a fresh form holds (nothing to keep, so
  /// a kept draft can go).
  public func draft(savedAt: Date) -> Draft? {
    guard !isFormEmpty else { return nil }
    let fields = outline.fields.map { DraftField(code: $0.code, value: value(ofCode: $0.code)) }
    return Draft(savedAt: savedAt, focus: focusedField.code, fields: fields)
  }

  /// Puts a draft kept by an earlier run back into the form, when the form is still as a fresh
  /// one: each field by its code, the focus where it was. Fields the form no longer has are
  /// shown on the status line with their text, since the next save no longer keeps them. A
  /// form the operator has typed into is left alone.
  mutating func restoreDraft(_ draft: Draft) {
    let from = Self.draftTime(
      draft.savedAt, now: context.now(), timeZone: context.timeZone, language: language)
    guard isFormEmpty else {
      status = StatusMessage(text(.draftNotRestored, from), role: .warning)
      return
    }

    resetValues()
    var dropped: [String] = []
    for field in draft.fields {
      guard outline.fields.contains(where: { $0.code == field.code }) else {
        if !field.value.isEmpty { dropped.append("\(field.code)=\(field.value)") }
        continue
      }
      if switches[field.code] != nil {
        switches[field.code] = field.value == "1"
      } else {
        texts[field.code] = newTextField(field.value, forCode: field.code)
      }
    }
    problems = [:]
    pickList = nil
    focus(on: outline.fields.firstIndex { $0.code == draft.focus } ?? 0)
    scrollFieldsIntoView()

    var restored = text(.draftRestored, from)
    if !dropped.isEmpty {
      restored += text(.draftLeftOut, dropped.joined(separator: ", "))
    }
    let notices = (context.schemaNotice.map { [$0] } ?? []) + context.notices
    status = StatusMessage(
      ([restored] + notices).joined(separator: " · "), role: dropped.isEmpty ? .ok : .warning)
  }

  /// When a draft was saved, as the status line says it: `14:02` today, `2 Dec 14:02` before
  /// (the month's name in `language`).
  static func draftTime(
    _ date: Date, now: Date, timeZone: TimeZone, language: InterfaceLanguage = .english
  ) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.day, .month, .hour, .minute], from: date)
    let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    guard !calendar.isDate(date, inSameDayAs: now) else { return time }
    let months = language.text(.monthAbbreviations).split(separator: " ")
    let index = max(0, min(11, (parts.month ?? 1) - 1))
    let month = months.indices.contains(index) ? String(months[index]) : String(index + 1)
    return "\(parts.day ?? 1) \(month) \(time)"
  }
}
