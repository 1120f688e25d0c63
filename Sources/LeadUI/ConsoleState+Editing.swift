import LeadCore

extension ConsoleState {
  /// The commands that cut text: pressed one after another, their cuts gather into one.
  static let cutCommands: Set<Command> = [.cutToEnd, .cutToStart, .cutWordBackward]

  /// The editing commands beyond moving by character and erasing one, handled the same way in
  /// every text field (the form's and the settings screen's).
  static let textEditingCommands: Set<Command> = [
    .wordLeft, .wordRight, .cutToEnd, .cutToStart, .cutWordBackward, .pasteCut, .undo,
  ]

  /// Carries out an editing command in the focused field of the form. Select and yes/no
  /// fields hold no text to edit, so there the commands do nothing.
  mutating func editFocusedText(_ command: Command) {
    switch focusedField.type {
    case .boolean, .select:
      return
    default:
      break
    }
    switch command {
    case .wordLeft:
      move { $0.moveWordLeft() }
    case .wordRight:
      move { $0.moveWordRight() }
    case .cutToEnd, .cutToStart, .cutWordBackward:
      var cut = ""
      edit { cut = Self.cut(command, from: &$0) }
      killBuffer.add(cut, direction: command == .cutToEnd ? .forward : .backward)
    case .pasteCut:
      if let text = cutTextToPaste() { edit { $0.insert(text) } }
    case .undo:
      var undone = true
      edit { undone = $0.undo() }
      if !undone { status = StatusMessage(text(.nothingToUndo, focusedField.label)) }
    case .insertLineBreak:
      edit { $0.insert("\n") }
    case .previousLine, .nextLine:
      moveLine(down: command == .nextLine)
    default:
      break
    }
  }

  /// Carries out an editing command in the settings screen's focused field. Cuts from the
  /// API key never reach the shared cut text: Ctrl-Y must not paste a key into a lead.
  mutating func editSetting(_ command: Command) {
    guard let focus = settings?.focus else { return }
    switch command {
    case .wordLeft:
      settings?.edit { $0.moveWordLeft() }
    case .wordRight:
      settings?.edit { $0.moveWordRight() }
    case .cutToEnd, .cutToStart, .cutWordBackward:
      var cut = ""
      settings?.edit { cut = Self.cut(command, from: &$0) }
      if focus == .endpoint {
        killBuffer.add(cut, direction: command == .cutToEnd ? .forward : .backward)
      }
    case .pasteCut:
      if let text = cutTextToPaste() { _ = settings?.insert(text) }
    case .undo:
      settings?.edit { $0.undo() }
    default:
      break
    }
  }

  /// Up or Down in a multi-line field: one row up or down inside it, and from its first or
  /// last row on to the field above or below, as Up and Down do between one-line fields.
  mutating func moveLine(down: Bool) {
    let width = currentLayout?.inputWidth ?? Self.unknownInputWidth
    var moved = false
    move { moved = down ? $0.moveDown(width: width) : $0.moveUp(width: width) }
    if !moved { moveFocus(by: down ? 1 : -1) }
  }

  /// Sizes each multi-line field's box to its text at the current width, and keeps the focused
  /// field in view when a box changed.
  mutating func fitMultiLineRows() {
    let width = currentLayout?.inputWidth ?? Self.unknownInputWidth
    var resized = outline
    for index in outline.fields.indices where outline.isMultiLine(index) {
      let rows = textField(code: outline.fields[index].code).visibleRows(width: width)
      resized = resized.resizingInput(ofField: index, toRows: rows)
    }
    guard resized.inputRows != outline.inputRows else { return }
    outline = resized
    scrollFocusIntoView()
  }

  /// The width text wraps at before the runner has reported a size: wide enough that only
  /// line breaks start rows.
  static let unknownInputWidth = 1_000

  /// The last cut, to paste; nil (and a word on the status line) when nothing was cut yet.
  private mutating func cutTextToPaste() -> String? {
    guard !killBuffer.text.isEmpty else {
      status = StatusMessage(text(.nothingCut))
      return nil
    }
    return killBuffer.text
  }

  /// Applies a cut command to a field and answers the cut text.
  private static func cut(_ command: Command, from field: inout TextField) -> String {
    switch command {
    case .cutToEnd: field.cutToEnd()
    case .cutToStart: field.cutToStart()
    default: field.cutWordBackward()
    }
  }
}
