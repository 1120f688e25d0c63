import LeadCore

extension ConsoleState {
  /// The new-call key: clears the form for the next call, pinned fields kept. Over a lead
  /// being typed it asks first, since the lead would be lost: the same key again, while the
  /// question is still on the status line, clears; any other key keeps the lead.
  mutating func resetForNextCall() {
    let confirmed = isResetPending && status == resetQuestion
    guard isFormEmpty || confirmed else {
      isResetPending = true
      status = resetQuestion
      return
    }
    isResetPending = false
    clearForm()
    let pinned = pinnedLabels
    status = StatusMessage(
      pinned.isEmpty
        ? text(.readyNextCall) : text(.readyNextCallPinned, pinned.joined(separator: ", ")))
  }

  /// What the new-call key asks over a lead being typed.
  var resetQuestion: StatusMessage { StatusMessage(text(.resetQuestion), role: .warning) }

  /// The pin key: marks the focused field sticky (its value stays for the next call, after a
  /// send or the new-call key) or unmarks it. Marks last as long as the console runs.
  mutating func toggleSticky() {
    let field = focusedField
    if stickyCodes.remove(field.code) != nil {
      status = StatusMessage(text(.unpinned, field.label))
    } else {
      stickyCodes.insert(field.code)
      status = StatusMessage(text(.pinned, field.label, FormPane.stickyMark), role: .ok)
    }
  }

  /// The labels of the pinned fields, in form order.
  public var pinnedLabels: [String] {
    outline.fields.filter { stickyCodes.contains($0.code) }.map(\.label)
  }
}
