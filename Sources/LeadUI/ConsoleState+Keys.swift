import LeadCore

extension ConsoleState {
  /// The key map in force: the form's fields are the only focus there is.
  public var keyMap: KeyMap { KeyMap.standard(for: .formField) }

  /// A key runs its command if it is bound, else types its text into the focused field.
  mutating func handleKey(_ key: Key) -> [Effect] {
    let command = keyMap.command(for: key)
    if command != .quit { isQuitPending = false }
    if let command {
      return perform(command)
    }
    switch key {
    case .character(let character):
      edit { $0.insert(String(character)) }
    case .paste(let text):
      var fitted = true
      edit { fitted = $0.insert(text) }
      if !fitted {
        status = StatusMessage(
          "The paste was cut at \(TextField.maximumLength) characters, the field's limit",
          role: .warning)
      }
    default:
      break
    }
    return []
  }

  /// Carries out one command.
  mutating func perform(_ command: Command) -> [Effect] {
    switch command {
    case .send:
      return send()
    case .quit:
      return quit()
    case .nextField:
      moveFocus(by: 1)
    case .previousField:
      moveFocus(by: -1)
    case .cursorLeft:
      move { $0.moveLeft() }
    case .cursorRight:
      move { $0.moveRight() }
    case .cursorToStart:
      move { $0.moveToStart() }
    case .cursorToEnd:
      move { $0.moveToEnd() }
    case .deleteBackward:
      edit { $0.deleteBackward() }
    case .deleteForward:
      edit { $0.deleteForward() }
    }
    return []
  }

  /// Leaves at once over an empty form; over a half-typed lead, asks for the quit key again,
  /// since Ctrl-C is also many people's reflex for "copy".
  mutating func quit() -> [Effect] {
    guard !isFormEmpty, !isQuitPending else { return [.quit] }
    isQuitPending = true
    status = StatusMessage(
      "The form holds an unsent lead: press the quit key again to leave without it, "
        + "any other key to keep it",
      role: .warning)
    return []
  }

  /// Checks the form and either marks what is wrong or hands the lead over and clears the form.
  mutating func send() -> [Effect] {
    guard context.canSend else {
      status = StatusMessage(ConsoleState.noKeyMessage, role: .error)
      return []
    }

    let lead: Lead
    do {
      lead = try formLead.validated()
    } catch {
      mark(error.problems)
      return []
    }

    clearForm()
    status = StatusMessage("Queued: \(LeadText.label(of: lead))")
    if let unsaved = unsavedLeads.first {
      unsavedLeads.removeFirst()
      fill(with: unsaved)
      status = StatusMessage(
        "Queued: \(LeadText.label(of: lead)). Back in the form, not yet saved: "
          + "\(LeadText.label(of: unsaved)) — press F2 to send it",
        role: .warning)
    }
    return [.submit(lead)]
  }

  /// Marks each field a problem names, lists the problems on the status line and moves the
  /// focus to the first bad field.
  mutating func mark(_ found: [FieldProblem]) {
    problems = [:]
    var groups: [(names: [String], message: String)] = []
    for problem in found {
      let field = BaseField(rawValue: problem.field)
      if let field, problems[field] == nil {
        problems[field] = problem.message
      }
      let name = field?.label ?? problem.field
      if let index = groups.firstIndex(where: { $0.message == problem.message }) {
        if !groups[index].names.contains(name) { groups[index].names.append(name) }
      } else {
        groups.append(([name], problem.message))
      }
    }
    if let first = FormLayout.fieldOrder.first(where: { problems[$0] != nil }) {
      focus = first
    }
    // One shared problem fits the status line in full; several are named there and spelled
    // out under their fields, where there is room for each message.
    let text: String
    if groups.count == 1, let group = groups.first {
      text = "\(group.names.joined(separator: ", ")): \(group.message)"
    } else {
      var seen: Set<String> = []
      let names = groups.flatMap(\.names).filter { seen.insert($0).inserted }
      text = "fix \(names.joined(separator: ", ")) (each problem is shown under its field)"
    }
    status = StatusMessage("Not sent — " + text, role: .error)
  }

  /// Empties every field and its mark, and puts the focus back on First name.
  mutating func clearForm() {
    fields = [:]
    problems = [:]
    focus = FormLayout.fieldOrder[0]
  }

  /// Puts a lead's base fields into the form, cursor at the end of each.
  mutating func fill(with lead: Lead) {
    for field in FormLayout.fieldOrder {
      fields[field] = TextField(lead[field])
    }
    problems = [:]
    focus = FormLayout.fieldOrder[0]
    scrollFieldsIntoView()
  }

  /// Moves the focus forwards or backwards through the fields, wrapping at either end.
  mutating func moveFocus(by step: Int) {
    let order = FormLayout.fieldOrder
    let index = order.firstIndex(of: focus) ?? 0
    focus = order[((index + step) % order.count + order.count) % order.count]
  }

  /// Changes the focused field's text; an edited field loses its problem mark.
  mutating func edit(_ change: (inout TextField) -> Void) {
    var field = textField(focus)
    let before = field.value
    change(&field)
    if field.value != before {
      problems[focus] = nil
    }
    fields[focus] = field
    scrollFieldsIntoView()
  }

  /// Moves the cursor in the focused field.
  mutating func move(_ change: (inout TextField) -> Void) {
    change(&fields[focus, default: TextField()])
    scrollFieldsIntoView()
  }
}
