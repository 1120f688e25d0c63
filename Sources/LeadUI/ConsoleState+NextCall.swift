import LeadCore

extension ConsoleState {
  /// The new-call key: clears the form for the next call, pinned fields kept. Over a lead
  /// being typed it asks first, since the lead would be lost: the same key again, while the
  /// question is still on the status line, clears; any other key keeps the lead.
  mutating func resetForNextCall() {
    let confirmed = isResetPending && status == Self.resetQuestion
    guard isFormEmpty || confirmed else {
      isResetPending = true
      status = Self.resetQuestion
      return
    }
    isResetPending = false
    clearForm()
    let pinned = pinnedLabels
    status = StatusMessage(
      pinned.isEmpty
        ? "Ready for the next call"
        : "Ready for the next call; kept as pinned: \(pinned.joined(separator: ", "))")
  }

  /// What the new-call key asks over a lead being typed.
  static let resetQuestion = StatusMessage(
    "The form holds a lead not sent: press the same key again to clear it for the next call, "
      + "any other key to keep it",
    role: .warning)

  /// The pin key: marks the focused field sticky (its value stays for the next call, after a
  /// send or the new-call key) or unmarks it. Marks last as long as the console runs.
  mutating func toggleSticky() {
    let field = focusedField
    if stickyCodes.remove(field.code) != nil {
      status = StatusMessage("\(field.label) unpinned: the next call starts it afresh")
    } else {
      stickyCodes.insert(field.code)
      status = StatusMessage(
        "\(field.label) pinned (\(FormPane.stickyMark)): its value stays for the next call; "
          + "the pin key again unpins it",
        role: .ok)
    }
  }

  /// The labels of the pinned fields, in form order.
  public var pinnedLabels: [String] {
    outline.fields.filter { stickyCodes.contains($0.code) }.map(\.label)
  }
}
