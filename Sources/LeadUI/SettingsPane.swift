/// Draws the settings screen between the header and the status line: the API key (masked,
/// never its text), the endpoint, the last check's verdict, the last save's result, and what
/// saving does here.
enum SettingsPane {
  /// The rows of the screen's parts, from the top of the screen.
  static let titleRow = 2
  static let keyRow = 4
  static let endpointRow = 7
  static let checkRow = 10
  static let saveRow = 11
  static let aboutRow = 13
  /// The column of the labels and of the input boxes.
  static let labelColumn = 2
  static let inputColumn = 12

  /// Draws the open settings of `state`.
  static func draw(_ state: ConsoleState, form: SettingsForm, into screen: inout ScreenBuffer) {
    let width = screen.columns
    let boxWidth = max(0, width - inputColumn - 2)
    func line(_ text: String, _ row: Int, _ role: StyleRole) {
      screen.draw(
        DisplayWidth.truncated(text, toWidth: max(0, width - labelColumn - 1)), row: row,
        column: labelColumn, role: role)
    }
    let language = state.language
    line(language.text(.settingsTitle), titleRow, .label)

    let labelWidth = inputColumn - labelColumn - 1
    screen.draw(
      DisplayWidth.truncated(language.text(.settingsKeyLabel), toWidth: labelWidth), row: keyRow,
      column: labelColumn, role: .label)
    drawMaskedKey(
      form, in: ScreenRegion(top: keyRow, left: inputColumn, height: 1, width: boxWidth),
      into: &screen)
    screen.draw(
      DisplayWidth.truncated(
        keyNote(form, language: language), toWidth: max(0, width - inputColumn - 1)),
      row: keyRow + 1, column: inputColumn, role: .dim)

    screen.draw(
      DisplayWidth.truncated(language.text(.settingsEndpointLabel), toWidth: labelWidth),
      row: endpointRow, column: labelColumn, role: .label)
    FormPane.drawText(
      form.endpoint,
      in: ScreenRegion(top: endpointRow, left: inputColumn, height: 1, width: boxWidth),
      role: form.focus == .endpoint ? .focusedInput : .input, focused: form.focus == .endpoint,
      into: &screen)
    screen.draw(
      DisplayWidth.truncated(
        language.text(.settingsEndpointNote), toWidth: max(0, width - inputColumn - 1)),
      row: endpointRow + 1, column: inputColumn, role: .dim)

    if let note = form.checkNote { line(note.text, checkRow, note.role) }
    if let note = form.saveNote { line(note.text, saveRow, note.role) }
    for (offset, text) in about(state.context.isSandbox, language: language).enumerated() {
      line(text, aboutRow + offset, state.context.isSandbox ? .warning : .dim)
    }
  }

  /// What saving does here, one line each: in sandbox mode, that it changes this session only.
  static func about(_ isSandbox: Bool, language: InterfaceLanguage = .english) -> [String] {
    language.text(isSandbox ? .settingsAboutSandbox : .settingsAboutSaving)
      .split(separator: "\n").map(String.init)
  }

  /// The line under the key: how long it is, and how it is shown.
  static func keyNote(_ form: SettingsForm, language: InterfaceLanguage = .english) -> String {
    guard form.keyLength > 0 else { return language.text(.settingsKeyWhere) }
    return language.text(.settingsKeyLength, String(form.keyLength))
  }

  /// The key's box: its mask alone, the end kept in view when it is wider than the box, and
  /// the cursor after it while the key has the focus.
  static func drawMaskedKey(
    _ form: SettingsForm, in box: ScreenRegion, into screen: inout ScreenBuffer
  ) {
    guard box.width > 0 else { return }
    let focused = form.focus == .key
    let role: StyleRole = focused ? .focusedInput : .input
    let room = box.width - 1
    var shown = ""
    var used = 0
    for character in form.maskedKey.reversed() {
      let columns = DisplayWidth.of(character)
      guard used + columns <= room else { break }
      shown.insert(character, at: shown.startIndex)
      used += columns
    }
    screen.fill(row: box.top, column: box.left, width: box.width, role: role)
    screen.draw(shown, row: box.top, column: box.left, width: box.width, role: role)
    if shown.count < form.maskedKey.count {
      screen.draw("‹", row: box.top, column: box.left - 1, role: .dim)
    }
    if focused {
      screen.cursor = (box.top, box.left + min(used, room))
    }
  }
}
