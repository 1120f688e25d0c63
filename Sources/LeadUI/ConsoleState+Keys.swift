import LeadCore

extension ConsoleState {
  /// Which part of the screen takes the keys now.
  public var focusArea: FocusArea {
    if help != nil { return .help }
    if settings != nil { return .settings }
    if let historyBrowser { return historyBrowser.detailID == nil ? .history : .historyDetail }
    if browser != nil { return .fieldBrowser }
    if pickList != nil { return .pickList }
    switch focusedField.type {
    case .boolean: return .switchField
    case .select: return .selectField
    default: return outline.isMultiLine(focusIndex) ? .multiLineField : .formField
    }
  }

  /// The key map in force: the focus area's, with the copy keys while the preview is shown.
  public var keyMap: KeyMap {
    let area = focusArea
    let ownsScreen = [FocusArea.fieldBrowser, .settings, .history, .historyDetail, .help]
      .contains(area)
    return isPreviewShown && !ownsScreen ? KeyMap.previewing(area) : KeyMap.standard(for: area)
  }

  /// The commands held while the window is too small to show their effect or their question.
  static let unseenlyHeldCommands: Set<Command> = [
    .send, .resend, .markDone, .copyToForm, .resetForm, .saveSettings, .checkKey, .copyCurl,
  ]

  /// The commands an open pick list handles itself; any other command closes the list first.
  /// The cursor keys and Delete do nothing there, so a stray one neither closes the list nor
  /// clears the field's choice.
  static let pickListCommands: Set<Command> = [
    .pickOption, .close, .selectPrevious, .selectNext, .pageUp, .pageDown, .selectFirst,
    .selectLast, .deleteBackward, .deleteForward, .cursorLeft, .cursorRight, .cursorToStart,
    .cursorToEnd,
  ]

  /// A key runs its command if it is bound, else its text goes where typing goes now.
  ///
  /// While the window is too small to show the console, typing and editing go on (nothing
  /// typed is lost), but the commands that act beyond the screen (send, resend, mark done,
  /// save, copy, clear) wait for a window that shows what they would do.
  mutating func handleKey(_ key: Key) -> [Effect] {
    let command = keyMap.command(for: key)
    if let command, Self.unseenlyHeldCommands.contains(command), isWindowTooSmall {
      return []
    }
    if !pendingKeyResend.isEmpty, let effects = answerKeyResend(key) {
      return effects
    }
    if command != .quit { isQuitPending = false }
    if command != .resetForm { isResetPending = false }
    if command != .copyToForm { isCopyPending = false }
    if command != .send, pendingDuplicate != nil { dropDuplicate() }
    if !(command.map(Self.cutCommands.contains) ?? false) { killBuffer.endGathering() }
    if let command {
      return perform(command)
    }
    switch key {
    case .character(let character):
      receive(String(character), pasted: false)
    case .paste(let text):
      receive(text, pasted: true)
    default:
      break
    }
    return []
  }

  /// Typed or pasted text: it filters the browser or the pick list when one is open, opens
  /// the pick list of a select field, and is inserted into a text field.
  mutating func receive(_ text: String, pasted: Bool) {
    if help != nil {
      return
    }
    if settings != nil {
      receiveSetting(text, pasted: pasted)
      return
    }
    if historyBrowser != nil {
      narrowHistory(with: text)
      return
    }
    if browser != nil {
      narrowBrowser(with: text)
      return
    }
    if pickList != nil {
      pickList?.narrow(with: text)
      return
    }
    switch focusedField.type {
    case .boolean:
      status = StatusMessage(self.text(.switchHint, focusedField.label))
    case .select:
      openPickList(narrowing: text)
    default:
      var fitted = true
      edit { fitted = pasted ? $0.insert(text) : $0.type(text) }
      if pasted && !fitted {
        status = StatusMessage(
          self.text(.pasteCut, String(TextField.maximumLength)), role: .warning)
      }
    }
  }

  /// Carries out one command.
  mutating func perform(_ command: Command) -> [Effect] {
    if command == .showHelp {
      openHelp()
      return []
    }
    if help != nil, command != .quit {
      performInHelp(command)
      return []
    }
    if settings != nil, command != .quit {
      if Self.textEditingCommands.contains(command) {
        editSetting(command)
        return []
      }
      return performInSettings(command)
    }
    if historyBrowser != nil, command != .quit {
      return performInHistory(command)
    }
    if pickList != nil && !Self.pickListCommands.contains(command) {
      pickList = nil
    }
    switch command {
    case .send:
      return send()
    case .quit:
      return quit()
    case .copyCurl:
      return copyCurl()
    case .openSettings:
      openSettings()
    case .saveSettings, .checkKey, .cycleStateFilter, .openDetail, .resend, .copyToForm,
      .markDone:
      break
    case .openHistory:
      openHistory()
    case .openFieldBrowser:
      openBrowser()
    case .togglePreview:
      togglePreview()
    case .toggleSwitch:
      toggleSwitch()
    case .openPickList:
      openPickList(narrowing: "")
    case .pickOption:
      pickOption()
    case .goToField:
      goToSelectedField()
    case .close:
      closePane()
    case .selectPrevious, .selectNext, .pageUp, .pageDown, .selectFirst, .selectLast:
      moveSelection(command)
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
      deleteBackward()
    case .deleteForward:
      if pickList == nil { edit { $0.deleteForward() } }
    case .wordLeft, .wordRight, .cutToEnd, .cutToStart, .cutWordBackward, .pasteCut, .undo,
      .insertLineBreak, .previousLine, .nextLine:
      editFocusedText(command)
    case .resetForm:
      resetForNextCall()
    case .toggleSticky:
      toggleSticky()
    case .showHelp:
      openHelp()
    }
    return []
  }

  /// Leaves at once over an untouched form and no unfinished leads; over a half-typed lead, or
  /// while leads wait to be sent or for a decision, asks for the quit key again (Ctrl-C is
  /// also many people's reflex for "copy").
  mutating func quit() -> [Effect] {
    let unfinished = history.filter { HistoryStateFilter.waiting.admits($0.state) }
    // A not-delivered lead out of attempts is not resent at the next start: it needs a hand.
    let exhausted = unfinished.filter {
      $0.state == .notDelivered && $0.attempts.count >= context.maxAttempts
    }.count
    let waiting = unfinished.count - exhausted
    let uncertain = history.filter { $0.state == .uncertain }.count
    let open = waiting + exhausted + uncertain
    guard !isQuitPending, !isFormEmpty || open > 0 else { return [.quit] }
    isQuitPending = true
    guard open > 0 else {
      status = StatusMessage(text(.quitUnsent), role: .warning)
      return []
    }
    // The instruction comes first, so a narrow status line never cuts it off.
    var parts: [String] = []
    if waiting > 0 { parts.append(text(.quitWaiting, count: waiting)) }
    if exhausted > 0 { parts.append(text(.quitExhausted, count: exhausted)) }
    if uncertain > 0 { parts.append(text(.quitUncertain, count: uncertain)) }
    if !isFormEmpty { parts.append(text(.quitFormLost)) }
    status = StatusMessage(text(.quitAgain, parts.joined(separator: "; ")), role: .warning)
    return []
  }

  /// Backspace: edits the browser's or the pick list's filter when one is open, clears a
  /// select field's choice, and erases a character in a text field.
  mutating func deleteBackward() {
    if browser != nil {
      eraseBrowserFilter()
    } else if pickList != nil {
      pickList?.eraseBackward()
    } else {
      edit { $0.deleteBackward() }
    }
  }

  /// Up, Down, the page keys, Home and End: in the browser and the pick list they move the
  /// selection; in the form the page keys move the focus a screenful of fields.
  mutating func moveSelection(_ command: Command) {
    if browser != nil {
      moveInBrowser(command)
    } else if pickList != nil {
      let page = PickList.visibleRows
      switch command {
      case .selectPrevious: pickList?.move(by: -1)
      case .selectNext: pickList?.move(by: 1)
      case .pageUp: pickList?.move(by: -page)
      case .pageDown: pickList?.move(by: page)
      case .selectFirst: pickList?.moveToEnd(false)
      default: pickList?.moveToEnd(true)
      }
    } else if command == .pageUp || command == .pageDown {
      pageFocus(forwards: command == .pageDown)
    }
  }
}

extension ConsoleState {
  /// True when the terminal's last reported size cannot show the console (the renderer then
  /// draws the small-window message instead).
  var isWindowTooSmall: Bool {
    guard let size = screenSize else { return false }
    // SmallWindow's minimum is the larger of the two the renderer checks.
    return SmallWindow.isTooSmall(rows: size.rows, columns: size.columns)
  }
}
