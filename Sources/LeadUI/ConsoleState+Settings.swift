import LeadCore

extension ConsoleState {
  /// Opens the settings screen with an empty key and the endpoint in use.
  mutating func openSettings() {
    settings = SettingsForm(endpoint: context.endpoint)
    status = StatusMessage(
      "Settings: paste the API key, Enter for the endpoint; F2 saves, F5 checks, Esc returns")
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
      status = StatusMessage(
        "The paste was cut at \(TextField.maximumLength) characters, the field's limit",
        role: .warning)
    }
  }

  /// Esc: leaves the settings screen; whatever was typed there is dropped.
  mutating func closeSettings() {
    let saving = settings?.isSaving ?? false
    settings = nil
    scrollFieldsIntoView()
    status = StatusMessage(
      saving
        ? "Settings closed; the save under way still applies when it ends"
        : "Settings closed, nothing saved")
  }

  /// F2 in the settings screen: asks the runner to save and apply the key and the endpoint.
  mutating func saveSettings() -> [Effect] {
    guard var form = settings, !form.isSaving else { return [] }
    guard let problem = missingSetting(in: form) else {
      form.isSaving = true
      form.saveNote = SettingsForm.Note(
        context.isSandbox ? "Applying for this session…" : "Saving…", role: .normal)
      settings = form
      status = StatusMessage("Saving the settings…")
      return [.saveSettings(key: form.enteredKey, endpoint: form.enteredEndpoint)]
    }
    form.saveNote = SettingsForm.Note("Not saved: \(problem)", role: .error)
    settings = form
    status = StatusMessage("Not saved: \(problem)", role: .error)
    return []
  }

  /// F5 in the settings screen: asks the runner to check the typed key at the typed endpoint.
  mutating func checkKey() -> [Effect] {
    guard var form = settings else { return [] }
    guard !form.isChecking else {
      status = StatusMessage("A key check is already running; its verdict shows here")
      return []
    }
    guard let problem = missingSetting(in: form) else {
      form.isChecking = true
      let masked = ConsoleRenderer.compactMask(form.enteredKey.masked)
      form.checkNote = SettingsForm.Note("Checking key \(masked)…", role: .normal)
      settings = form
      status = StatusMessage("Checking key \(masked) with the CRM…")
      return [.checkKey(key: form.enteredKey, endpoint: form.enteredEndpoint)]
    }
    form.checkNote = SettingsForm.Note("Not checked: \(problem)", role: .error)
    settings = form
    status = StatusMessage("Not checked: \(problem)", role: .error)
    return []
  }

  /// What is missing before the settings can be saved or checked, or nil.
  private func missingSetting(in form: SettingsForm) -> String? {
    if form.enteredKey.value.isEmpty { return "type or paste the API key first" }
    if form.enteredEndpoint.isEmpty { return "the endpoint is empty" }
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
    var text =
      if let path = applied.savedTo {
        "Saved to \(path); key \(key) in use"
      } else {
        "Sandbox: key \(key) in use for this session only; config file unchanged"
      }
    if let note = applied.note { text += ". \(note)" }
    status = StatusMessage(text, role: .ok)
    askToResendKeyRefusals(after: text)
  }

  /// The runner could not save: the screen stays open with the reason, and nothing changed.
  mutating func refuseSettings(_ reason: String) {
    settings?.isSaving = false
    settings?.saveNote = SettingsForm.Note("Not saved: \(reason)", role: .error)
    status = StatusMessage("Not saved: \(reason)", role: .error)
  }

  /// The CRM's verdict on a key, in words, on the settings screen and the status line.
  mutating func showVerdict(_ verdict: KeyCheck, maskedKey: String) {
    let role: StyleRole =
      switch verdict {
      case .valid: .ok
      case .empty, .wrong: .error
      case .inconclusive: .warning
      }
    let text = "Key \(ConsoleRenderer.compactMask(maskedKey)): \(verdict.description)"
    settings?.isChecking = false
    settings?.checkNote = SettingsForm.Note(text, role: role)
    status = StatusMessage(text, role: role)
  }

  /// The key could not be checked at all: the reason shows where the verdict would.
  mutating func refuseKeyCheck(_ reason: String) {
    settings?.isChecking = false
    settings?.checkNote = SettingsForm.Note("Not checked: \(reason)", role: .error)
    status = StatusMessage("Not checked: \(reason)", role: .error)
  }
}
