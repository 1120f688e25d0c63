extension Command {
  /// The short name shown in the key bar, in `language`.
  public func title(in language: InterfaceLanguage) -> String {
    language.text(textKeys.title)
  }

  /// A sentence saying what the command does, for the help screen, in `language`.
  public func help(in language: InterfaceLanguage) -> String {
    language.text(textKeys.help)
  }

  /// The keys of the command's title and help sentence in the string tables.
  var textKeys: (title: UIString, help: UIString) {
    switch self {
    case .send: (.titleSend, .helpSend)
    case .quit: (.titleQuit, .helpQuit)
    case .nextField: (.titleNextField, .helpNextField)
    case .previousField: (.titlePreviousField, .helpPreviousField)
    case .cursorLeft: (.titleCursorLeft, .helpCursorLeft)
    case .cursorRight: (.titleCursorRight, .helpCursorRight)
    case .cursorToStart: (.titleCursorToStart, .helpCursorToStart)
    case .cursorToEnd: (.titleCursorToEnd, .helpCursorToEnd)
    case .deleteBackward: (.titleDeleteBackward, .helpDeleteBackward)
    case .deleteForward: (.titleDeleteForward, .helpDeleteForward)
    case .wordLeft: (.titleWordLeft, .helpWordLeft)
    case .wordRight: (.titleWordRight, .helpWordRight)
    case .cutToEnd: (.titleCutToEnd, .helpCutToEnd)
    case .cutToStart: (.titleCutToStart, .helpCutToStart)
    case .cutWordBackward: (.titleCutWordBackward, .helpCutWordBackward)
    case .pasteCut: (.titlePasteCut, .helpPasteCut)
    case .undo: (.titleUndo, .helpUndo)
    case .insertLineBreak: (.titleInsertLineBreak, .helpInsertLineBreak)
    case .previousLine: (.titlePreviousLine, .helpPreviousLine)
    case .nextLine: (.titleNextLine, .helpNextLine)
    case .resetForm: (.titleResetForm, .helpResetForm)
    case .toggleSticky: (.titleToggleSticky, .helpToggleSticky)
    case .showHelp: (.titleShowHelp, .helpShowHelp)
    case .openFieldBrowser: (.titleOpenFieldBrowser, .helpOpenFieldBrowser)
    case .togglePreview: (.titleTogglePreview, .helpTogglePreview)
    case .copyCurl: (.titleCopyCurl, .helpCopyCurl)
    case .toggleSwitch: (.titleToggleSwitch, .helpToggleSwitch)
    case .openPickList: (.titleOpenPickList, .helpOpenPickList)
    case .pickOption: (.titlePickOption, .helpPickOption)
    case .goToField: (.titleGoToField, .helpGoToField)
    case .close: (.titleClose, .helpClose)
    case .selectPrevious: (.titleSelectPrevious, .helpSelectPrevious)
    case .selectNext: (.titleSelectNext, .helpSelectNext)
    case .pageUp: (.titlePageUp, .helpPageUp)
    case .pageDown: (.titlePageDown, .helpPageDown)
    case .selectFirst: (.titleSelectFirst, .helpSelectFirst)
    case .selectLast: (.titleSelectLast, .helpSelectLast)
    case .openSettings: (.titleOpenSettings, .helpOpenSettings)
    case .saveSettings: (.titleSaveSettings, .helpSaveSettings)
    case .checkKey: (.titleCheckKey, .helpCheckKey)
    case .openHistory: (.titleOpenHistory, .helpOpenHistory)
    case .cycleStateFilter: (.titleCycleStateFilter, .helpCycleStateFilter)
    case .openDetail: (.titleOpenDetail, .helpOpenDetail)
    case .resend: (.titleResend, .helpResend)
    case .copyToForm: (.titleCopyToForm, .helpCopyToForm)
    case .markDone: (.titleMarkDone, .helpMarkDone)
    }
  }
}
