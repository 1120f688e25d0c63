import LeadCore

extension ConsoleState {
  /// Checks the form and either marks what is wrong or hands the lead over and clears the form.
  mutating func send() -> [Effect] {
    guard context.canSend else {
      status = StatusMessage(noKeyMessage, role: .error)
      return []
    }

    let lead: Lead
    do {
      lead = try checkedLead()
    } catch {
      mark(error.problems, verdict: text(.verdictNotSent))
      return []
    }
    if holdsBackAsDuplicate(lead) {
      return []
    }

    clearForm()
    let label = LeadText.label(of: lead, in: language)
    status = StatusMessage(text(.queued, label))
    if let unsaved = unsavedLeads.first {
      unsavedLeads.removeFirst()
      fill(with: unsaved)
      status = StatusMessage(
        text(.queuedUnsavedBack, label, LeadText.label(of: unsaved, in: language)),
        role: .warning)
    }
    return [.submit(lead)]
  }

  /// Marks each field a problem names, lists the problems on the status line after
  /// `verdict`, and moves the focus to the first bad field. Problems are worded in the
  /// console's language.
  mutating func mark(_ found: [FieldProblem], verdict: String) {
    problems = [:]
    var groups: [(names: [String], message: String)] = []
    for problem in found.map(localized) {
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
      text = self.text(.problemsSeveral, names.joined(separator: ", "))
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
        texts[field.code] = newTextField(value, forCode: field.code)
      }
    }
    for index in outline.fields.indices where outline.isMultiLine(index) {
      let code = outline.fields[index].code
      texts[code] = texts[code] ?? newTextField("", forCode: code)
    }
    fitMultiLineRows()
    scrollFieldsIntoView()
  }

  /// A text field for the field with this code holding `value`: one that keeps line breaks
  /// for a multi-line field (the comment), a one-line one for the others.
  public func newTextField(_ value: String, forCode code: String) -> TextField {
    let multiLine = outline.index(ofCode: code).map { outline.isMultiLine($0) } ?? false
    return TextField(value, allowsLineBreaks: multiLine)
  }

  /// True when a yes/no field's default is on.
  static func startsOn(_ field: SchemaField) -> Bool {
    let value = (try? field.normalise(field.defaultValue ?? "")) ?? nil
    return value == "1"
  }

  /// True when every field the operator did not pin holds what a fresh form starts with, so
  /// leaving loses no lead: pinned values are kept on purpose, for every call alike.
  var isFormEmpty: Bool {
    let unpinned = { (code: String) in !self.stickyCodes.contains(code) }
    let baseEmpty = FormLayout.fieldOrder.allSatisfy { !unpinned($0.code) || value(of: $0).isEmpty }
    guard baseEmpty else { return false }
    return context.schema.fields.allSatisfy { field in
      guard unpinned(field.code) else { return true }
      if case .boolean = field.type { return switches[field.code] == Self.startsOn(field) }
      return value(ofCode: field.code) == (field.defaultValue ?? "")
    }
  }

  /// Puts the form back as it starts for the next call, pinned fields kept as they are, and
  /// the focus on the first field that is not pinned.
  mutating func clearForm() {
    let keptTexts = texts.filter { stickyCodes.contains($0.key) }
    let keptSwitches = switches.filter { stickyCodes.contains($0.key) }
    resetValues()
    texts.merge(keptTexts) { _, kept in kept }
    switches.merge(keptSwitches) { _, kept in kept }
    fitMultiLineRows()
    problems = [:]
    pickList = nil
    focus(on: outline.fields.indices.first { !stickyCodes.contains(outline.fields[$0].code) } ?? 0)
  }

  /// Puts a lead into the form: base fields as they are, schema fields from the lead's extra
  /// fields (those it did not send are left empty), cursor at the end of each.
  mutating func fill(with lead: Lead) {
    resetValues()
    for field in FormLayout.fieldOrder {
      texts[field.code] = newTextField(lead[field], forCode: field.code)
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
        texts[field.code] = newTextField(
          value.map { FieldText.typedText(forSent: $0, in: field) } ?? "", forCode: field.code)
      }
    }
    fitMultiLineRows()
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
      var field = editableField(code: code)
      let before = field.value
      change(&field)
      if field.value != before {
        problems[code] = nil
      }
      texts[code] = field
      fitMultiLineRows()
      scrollFocusIntoView()
    }
  }

  /// Moves the cursor in the focused field; select and yes/no fields have no cursor to move.
  mutating func move(_ change: (inout TextField) -> Void) {
    switch focusedField.type {
    case .boolean, .select:
      return
    default:
      let code = focusedField.code
      var field = editableField(code: code)
      change(&field)
      texts[code] = field
      scrollFocusIntoView()
    }
  }

  /// The field with this code as it is edited: a multi-line field that was filled as one line
  /// (by code that knew no better) is made multi-line again, its text and cursor kept.
  private func editableField(code: String) -> TextField {
    let field = textField(code: code)
    let wanted = newTextField("", forCode: code)
    guard field.allowsLineBreaks != wanted.allowsLineBreaks else { return field }
    var remade = newTextField(field.value, forCode: code)
    remade.moveCursor(to: field.cursor)
    return remade
  }

  /// Switches the focused yes/no field.
  mutating func toggleSwitch() {
    let code = focusedField.code
    guard let on = switches[code] else { return }
    switches[code] = !on
    problems[code] = nil
  }
}
