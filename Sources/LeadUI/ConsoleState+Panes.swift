import LeadCore

extension ConsoleState {
  /// Opens the field-code browser with the focused field selected.
  mutating func openBrowser() {
    var opened = FieldBrowser(outline: outline, selecting: focusIndex)
    opened.keepSelectionVisible(listHeight: browserListHeight)
    browser = opened
    status = StatusMessage(text(.browserOpened))
  }

  /// Adds typed text to the browser's filter.
  mutating func narrowBrowser(with text: String) {
    let height = browserListHeight
    browser?.narrow(with: text, outline: outline, listHeight: height)
  }

  /// Erases the last character of the browser's filter.
  mutating func eraseBrowserFilter() {
    let height = browserListHeight
    browser?.eraseBackward(outline: outline, listHeight: height)
  }

  /// Moves the browser's selection for Up, Down, the page keys, Home and End.
  mutating func moveInBrowser(_ command: Command) {
    let height = browserListHeight
    switch command {
    case .selectPrevious: browser?.move(by: -1, listHeight: height)
    case .selectNext: browser?.move(by: 1, listHeight: height)
    case .pageUp: browser?.move(by: -max(1, height - 1), listHeight: height)
    case .pageDown: browser?.move(by: max(1, height - 1), listHeight: height)
    case .selectFirst: browser?.moveToEnd(false, listHeight: height)
    default: browser?.moveToEnd(true, listHeight: height)
    }
  }

  /// Closes the browser and puts the focus on its selected field, scrolled into view.
  mutating func goToSelectedField() {
    guard let browser else { return }
    guard let index = browser.selectedField else {
      status = StatusMessage(text(.browserNoMatch, browser.filter.value), role: .warning)
      return
    }
    self.browser = nil
    focus(on: index)
    let field = outline.fields[index]
    status = StatusMessage("\(field.label) (\(field.code))")
  }

  /// Esc: closes the pick list, else the browser.
  mutating func closePane() {
    if pickList != nil {
      pickList = nil
    } else if browser != nil {
      browser = nil
      scrollFieldsIntoView()
    }
  }

  /// Opens the focused select field's list, narrowed by `text` when there is some.
  mutating func openPickList(narrowing text: String) {
    let field = focusedField
    guard case .select(let options) = field.type else { return }
    let current = (try? field.normalise(textField(code: field.code).value)) ?? nil
    var list = PickList(code: field.code, options: options, currentValue: current)
    if !text.isEmpty { list.narrow(with: text) }
    pickList = list
  }

  /// Takes the pick list's selected option into its field and closes the list.
  mutating func pickOption() {
    guard let list = pickList else { return }
    guard let option = list.selected else {
      status = StatusMessage(text(.pickNoMatch, list.filter.value), role: .warning)
      return
    }
    texts[list.code] = TextField(option.value)
    problems[list.code] = nil
    pickList = nil
  }

  /// Shows or hides the preview in the history's place; from the browser, returns to the form
  /// with the preview shown.
  mutating func togglePreview() {
    if browser != nil {
      browser = nil
      isPreviewShown = true
    } else {
      isPreviewShown.toggle()
    }
    scrollFieldsIntoView()
    status = StatusMessage(text(isPreviewShown ? .previewShown : .previewHidden))
  }

  /// The preview pane's text alone.
  public var previewText: String { requestPreview.text }

  /// What the preview pane shows: the exact request F2 would send now with the key masked, or
  /// why nothing would be sent.
  public var requestPreview: RequestPreview {
    guard context.canSend else {
      return RequestPreview(text: text(.previewNoKey) + "\n" + noKeyMessage, isRequest: false)
    }
    guard let preview = context.preview else {
      return RequestPreview(text: text(.previewUnavailable), isRequest: false)
    }
    do {
      return RequestPreview(text: preview(try checkedLead()), isRequest: true)
    } catch {
      let lines = error.problems.map(localized).map { problem in
        let label = outline.index(ofCode: problem.field).map { outline.fields[$0].label }
        return "• \(label ?? problem.field): \(problem.message)"
      }
      return RequestPreview(
        text: ([text(.previewFix)] + lines).joined(separator: "\n"), isRequest: false)
    }
  }

  /// Asks the runner to copy the request F2 would send now as a `curl` command.
  mutating func copyCurl() -> [Effect] {
    guard context.canSend else {
      status = StatusMessage(text(.notCopied, noKeyMessage), role: .error)
      return []
    }
    guard let curl = context.curlPreview else {
      status = StatusMessage(text(.notCopiedUnavailable), role: .error)
      return []
    }
    let lead: Lead
    do {
      lead = try checkedLead()
    } catch {
      mark(error.problems, verdict: text(.verdictNotCopied))
      return []
    }
    status = StatusMessage(text(.copying))
    return [.copy(curl(lead))]
  }
}
