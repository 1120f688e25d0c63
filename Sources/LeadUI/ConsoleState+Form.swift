import LeadCore

extension ConsoleState {
  /// Checks the form and either marks what is wrong or hands the lead over and clears the form.
  mutating func send() -> [Effect] {
    guard context.canSend else {
      status = StatusMessage(ConsoleState.noKeyMessage, role: .error)
      return []
    }

    let lead: Lead
    do {
      lead = try checkedLead()
    } catch {
      mark(error.problems, verdict: "Not sent")
      return []
    }
    if holdsBackAsDuplicate(lead) {
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

  /// Marks each field a problem names, lists the problems on the status line after
  /// `verdict`, and moves the focus to the first bad field.
  mutating func mark(_ found: [FieldProblem], verdict: String) {
    problems = [:]
    var groups: [(names: [String], message: String)] = []
    for problem in found {
      let index = outline.index(ofCode: problem.field)
      if index != nil, problems[problem.field] == nil {
        problems[problem.field] = problem.message
      }
      let name = index.map { outline.fields[$0].label } ?? problem.field
      if let group = groups.firstIndex(where: { $0.message == problem.message }) {
        if !groups[group].names.contains(name) { groups[group].names.append(name) }
      } else {
        groups.append(([name], problem.message))
      }
    }
    if let first = outline.fields.indices.first(where: { problems[outline.fields[$0].code] != nil })
    {
      focus(on: first)
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
    status = StatusMessage("\(verdict) — " + text, role: .error)
  }

  /// Puts every field as a fresh form has it: base fields empty, schema fields at their
  /// defaults, yes/no fields at their default or off.
  mutating func resetValues() {
    texts = [:]
    switches = [:]
    for field in context.schema.fields {
      if case .boolean = field.type {
        switches[field.code] = Self.startsOn(field)
      } else if let value = field.defaultValue {
        texts[field.code] = TextField(value)
      }
    }
    scrollFieldsIntoView()
  }

  /// True when a yes/no field's default is on.
  static func startsOn(_ field: SchemaField) -> Bool {
    let value = (try? field.normalise(field.defaultValue ?? "")) ?? nil
    return value == "1"
  }

  /// True when every field holds what a fresh form starts with, so leaving loses nothing.
  var isFormEmpty: Bool {
    guard FormLayout.fieldOrder.allSatisfy({ value(of: $0).isEmpty }) else { return false }
    return context.schema.fields.allSatisfy { field in
      if case .boolean = field.type { return switches[field.code] == Self.startsOn(field) }
      return value(ofCode: field.code) == (field.defaultValue ?? "")
    }
  }

  /// Puts the form back as it starts, and the focus on First name.
  mutating func clearForm() {
    resetValues()
    problems = [:]
    pickList = nil
    focus(on: 0)
  }

  /// Puts a lead into the form: base fields as they are, schema fields from the lead's extra
  /// fields (those it did not send are left empty), cursor at the end of each.
  mutating func fill(with lead: Lead) {
    resetValues()
    for field in FormLayout.fieldOrder {
      texts[field.code] = TextField(lead[field])
    }
    var sent: [String: String] = [:]
    for extra in lead.extraFields where sent[extra.code] == nil {
      sent[extra.code] = extra.value
    }
    for field in context.schema.fields {
      let value = sent[field.code]
      if case .boolean = field.type {
        if let value { switches[field.code] = value == "1" }
      } else {
        texts[field.code] = TextField(
          value.map { FieldText.typedText(forSent: $0, in: field) } ?? "")
      }
    }
    problems = [:]
    pickList = nil
    focus(on: 0)
    scrollFieldsIntoView()
  }

  /// Moves the focus forwards or backwards through the fields, wrapping at either end.
  mutating func moveFocus(by step: Int) {
    let count = outline.fields.count
    focus(on: ((focusIndex + step) % count + count) % count)
  }

  /// Moves the focus a screenful of fields on or back, stopping at the first or last field.
  mutating func pageFocus(forwards: Bool) {
    let height = currentLayout?.form.height ?? 2 * outline.fields.count
    let step = max(1, height / 2)
    focus(
      on: ScrollWindow.moved(focusIndex, by: forwards ? step : -step, count: outline.fields.count))
  }

  /// Puts the focus on a field and scrolls the form so it shows.
  mutating func focus(on index: Int) {
    guard outline.fields.indices.contains(index) else { return }
    focusIndex = index
    scrollFocusIntoView()
  }

  /// Changes the focused field's text; an edited field loses its problem mark. A select field
  /// is never typed into, so any edit there clears its choice; a yes/no field has no text.
  mutating func edit(_ change: (inout TextField) -> Void) {
    let code = focusedField.code
    switch focusedField.type {
    case .boolean:
      return
    case .select:
      guard !textField(code: code).isEmpty else { return }
      texts[code] = TextField()
      problems[code] = nil
    default:
      var field = textField(code: code)
      let before = field.value
      change(&field)
      if field.value != before {
        problems[code] = nil
      }
      texts[code] = field
      scrollFocusIntoView()
    }
  }

  /// Moves the cursor in the focused field; select and yes/no fields have no cursor to move.
  mutating func move(_ change: (inout TextField) -> Void) {
    switch focusedField.type {
    case .boolean, .select:
      return
    default:
      change(&texts[focusedField.code, default: TextField()])
      scrollFocusIntoView()
    }
  }

  /// Switches the focused yes/no field.
  mutating func toggleSwitch() {
    let code = focusedField.code
    guard let on = switches[code] else { return }
    switches[code] = !on
    problems[code] = nil
  }
}
