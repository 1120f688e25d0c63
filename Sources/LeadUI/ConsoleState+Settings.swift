import LeadCore

extension ConsoleState {
  /// Opens the settings screen with an empty key and the endpoint in use.
  mutating func openSettings() {
    settings = SettingsForm(endpoint: context.endpoint)
    status = StatusMessage(text(.settingsOpened))
  }

  /// Carries out a command while the settings screen is open; quitting is handled as in the
  /// form, and commands with no meaning here do nothing.
  mutating func performInSettings(_ command: Command) -> [Effect] {
    switch command {
    case .saveSettings:
      return saveSettings()
    case .checkKey:
      return checkKey()
    case .close, .openSettings:
      closeSettings()
    case .nextField:
      settings?.moveFocus(by: 1)
    case .previousField:
      settings?.moveFocus(by: -1)
    case .cursorLeft:
      settings?.edit { $0.moveLeft() }
    case .cursorRight:
      settings?.edit { $0.moveRight() }
    case .cursorToStart:
      settings?.edit { $0.moveToStart() }
    case .cursorToEnd:
      settings?.edit { $0.moveToEnd() }
    case .deleteBackward:
      settings?.edit { $0.deleteBackward() }
    case .deleteForward:
      settings?.edit { $0.deleteForward() }
    default:
      break
    }
    return []
  }

  /// Typed or pasted text for the focused setting.
  mutating func receiveSetting(_ text: String, pasted: Bool) {
    guard var form = settings else { return }
    let fitted = form.insert(text)
    settings = form
    if pasted && !fitted {
      status = StatusMessage(self.text(.pasteCut, String(TextField.maximumLength)), role: .warning)
    }
  }

  /// Esc: leaves the settings screen; whatever was typed there is dropped.
  mutating func closeSettings() {
    let saving = settings?.isSaving ?? false
    settings = nil
    scrollFieldsIntoView()
    status = StatusMessage(text(saving ? .settingsClosedSaving : .settingsClosed))
  }

  /// F2 in the settings screen: asks the runner to save and apply the key and the endpoint.
  mutating func saveSettings() -> [Effect] {
    guard var form = settings, !form.isSaving else { return [] }
    guard let problem = missingSetting(in: form) else {
      form.isSaving = true
      form.saveNote = SettingsForm.Note(
        text(context.isSandbox ? .applyingSession : .savingNote), role: .normal)
      settings = form
      status = StatusMessage(text(.savingStatus))
      return [.saveSettings(key: form.enteredKey, endpoint: form.enteredEndpoint)]
    }
    form.saveNote = SettingsForm.Note(text(.notSaved, problem), role: .error)
    settings = form
    status = StatusMessage(text(.notSaved, problem), role: .error)
    return []
  }

  /// F5 in the settings screen: asks the runner to check the typed key at the typed endpoint.
  mutating func checkKey() -> [Effect] {
    guard var form = settings else { return [] }
    guard !form.isChecking else {
      status = StatusMessage(text(.checkRunning))
      return []
    }
    guard let problem = missingSetting(in: form) else {
      form.isChecking = true
      let masked = ConsoleRenderer.compactMask(form.enteredKey.masked)
      form.checkNote = SettingsForm.Note(text(.checkingNote, masked), role: .normal)
      settings = form
      status = StatusMessage(text(.checkingStatus, masked))
      return [.checkKey(key: form.enteredKey, endpoint: form.enteredEndpoint)]
    }
    form.checkNote = SettingsForm.Note(text(.notChecked, problem), role: .error)
    settings = form
    status = StatusMessage(text(.notChecked, problem), role: .error)
    return []
  }

  /// What is missing before the settings can be saved or checked, or nil.
  private func missingSetting(in form: SettingsForm) -> String? {
    if form.enteredKey.value.isEmpty { return text(.missingKey) }
    if form.enteredEndpoint.isEmpty { return text(.missingEndpoint) }
    return nil
  }

  /// The runner saved the settings: from now on leads go out with them, the header shows the
  /// new key, and the settings screen closes.
  mutating func apply(_ applied: AppliedSettings) {
    context.endpoint = applied.endpoint
    context.maskedKey = applied.maskedKey
    context.canSend = true
    context.preview = applied.preview
    context.curlPreview = applied.curlPreview
    settings = nil
    scrollFieldsIntoView()
    let key = ConsoleRenderer.compactMask(applied.maskedKey)
    var saved =
      if let path = applied.savedTo {
        text(.savedTo, path, key)
      } else {
        text(.savedSandbox, key)
      }
    if let note = applied.note { saved += ". \(note)" }
    status = StatusMessage(saved, role: .ok)
    askToResendKeyRefusals(after: saved)
  }

  /// The runner could not save: the screen stays open with the reason, and nothing changed.
  mutating func refuseSettings(_ reason: String) {
    settings?.isSaving = false
    let line = text(.notSaved, reason)
    settings?.saveNote = SettingsForm.Note(line, role: .error)
    status = StatusMessage(line, role: .error)
  }

  /// The CRM's verdict on a key, in words, on the settings screen and the status line.
  mutating func showVerdict(_ verdict: KeyCheck, maskedKey: String) {
    let role: StyleRole =
      switch verdict {
      case .valid: .ok
      case .empty, .wrong: .error
      case .inconclusive: .warning
      }
    let line = text(
      .keyVerdict, ConsoleRenderer.compactMask(maskedKey), verdict.words(in: language))
    settings?.isChecking = false
    settings?.checkNote = SettingsForm.Note(line, role: role)
    status = StatusMessage(line, role: role)
  }

  /// The key could not be checked at all: the reason shows where the verdict would.
  mutating func refuseKeyCheck(_ reason: String) {
    settings?.isChecking = false
    let line = text(.notChecked, reason)
    settings?.checkNote = SettingsForm.Note(line, role: .error)
    status = StatusMessage(line, role: .error)
  }
}

extension KeyCheck {
  /// The verdict in words of `language`; `description` keeps the English words of the command
  /// line. A reason from the client core is shown as it gave it.
  public func words(in language: InterfaceLanguage) -> String {
    switch self {
    case .valid: language.text(.keyValid)
    case .empty: language.text(.keyEmpty)
    case .wrong: language.text(.keyWrong)
    case .inconclusive(let outcome):
      switch outcome.kind {
      case .notDelivered: language.text(.keyNotReached, outcome.reason)
      case .uncertain: language.text(.keyUnclear, outcome.reason)
      case .rejected:
        language.text(
          .keyOtherCodes,
          outcome.errors.map { "\($0.code) \($0.message(in: language))" }.joined(separator: ", "))
      case .accepted: language.text(.keySuccess)
      }
    }
  }
}
