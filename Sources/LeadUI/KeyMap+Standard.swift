extension KeyMap {
  /// The map in force when `area` has the focus.
  public static func standard(for area: FocusArea) -> KeyMap {
    switch area {
    case .formField: formField
    case .multiLineField: multiLineField
    case .switchField: switchField
    case .selectField: selectField
    case .pickList: pickList
    case .fieldBrowser: fieldBrowser
    case .settings: settings
    case .history: history
    case .historyDetail: historyDetail
    case .help: help
    }
  }

  /// The map of a form field while the request preview is shown: the field's own keys, with
  /// the copy keys beside the preview's.
  public static func previewing(_ area: FocusArea) -> KeyMap {
    standard(for: area).inserting(previewKeys, after: .togglePreview)
  }

  /// F10, Ctrl-Q and Ctrl-C quit from every screen.
  static let quitKeys: [Binding] = [
    Binding(.function(10), .quit),
    Binding(.control("q"), .quit),
    Binding(.control("c"), .quit),
  ]

  /// F1 shows the help from every screen but the help itself; Ctrl-G ("get help", as in
  /// nano) serves terminals that keep F1 for their own help.
  static let helpKeys: [Binding] = [
    Binding(.function(1), .showHelp),
    Binding(.control("g"), .showHelp),
  ]

  /// Moving the selection in a list: the browser, the pick list, the history and its details.
  static let listNavigationKeys: [Binding] = [
    Binding(.up, .selectPrevious),
    Binding(.down, .selectNext),
    Binding(.pageUp, .pageUp),
    Binding(.pageDown, .pageDown),
    Binding(.home, .selectFirst),
    Binding(.end, .selectLast),
  ]

  /// Moving, erasing, cutting and pasting inside a text field, wherever one has focus, with
  /// the keys of a shell's line editor. Ctrl-Left and Ctrl-Right step by word where the
  /// terminal sends them, Alt-B and Alt-F everywhere else.
  static let lineEditingKeys: [Binding] = [
    Binding(.left, .cursorLeft),
    Binding(.right, .cursorRight),
    Binding(.controlLeft, .wordLeft),
    Binding(.alt("b"), .wordLeft),
    Binding(.controlRight, .wordRight),
    Binding(.alt("f"), .wordRight),
    Binding(.home, .cursorToStart),
    Binding(.control("a"), .cursorToStart),
    Binding(.end, .cursorToEnd),
    Binding(.control("e"), .cursorToEnd),
    Binding(.backspace, .deleteBackward),
    Binding(.delete, .deleteForward),
    Binding(.control("k"), .cutToEnd),
    Binding(.control("u"), .cutToStart),
    Binding(.control("w"), .cutWordBackward),
    Binding(.control("y"), .pasteCut),
    Binding(.control("_"), .undo),
  ]

  /// Keys in a form field. Ctrl-S and Ctrl-Q stand in for F2 and F10 on keyboards or
  /// terminals where F-keys are taken; Ctrl-C quits because in raw mode it arrives as a key.
  /// Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M are left alone: terminals send them for Backspace, Tab
  /// and Enter. Every F-key has a Ctrl alternative: F8 Ctrl-N ("new call"), F4 Ctrl-R (as in a
  /// shell's history search), F3 Ctrl-F ("find"), F6 Ctrl-P ("preview"), F9 Ctrl-O
  /// ("options"); Alt-P pins the focused field. The key bar lists the operator's keys (new
  /// call, history) before the admin's (fields, preview, settings).
  public static let formField = KeyMap(
    bindings: [
      Binding(.function(2), .send),
      Binding(.control("s"), .send),
      Binding(.function(8), .resetForm),
      Binding(.control("n"), .resetForm),
      Binding(.function(4), .openHistory),
      Binding(.control("r"), .openHistory),
      Binding(.function(3), .openFieldBrowser),
      Binding(.control("f"), .openFieldBrowser),
      Binding(.function(6), .togglePreview),
      Binding(.control("p"), .togglePreview),
      Binding(.function(9), .openSettings),
      Binding(.control("o"), .openSettings),
    ] + quitKeys + helpKeys + [
      Binding(.alt("p"), .toggleSticky),
      Binding(.tab, .nextField),
      Binding(.down, .nextField),
      Binding(.enter, .nextField),
      Binding(.backTab, .previousField),
      Binding(.up, .previousField),
      Binding(.pageUp, .pageUp),
      Binding(.pageDown, .pageDown),
    ] + lineEditingKeys)

  /// Keys in a multi-line field (the comment): Alt-Enter starts a new line, since terminals
  /// deliver it apart from Enter (which still moves on, as everywhere); Up and Down move
  /// between its lines and leave it from the first or last one.
  public static let multiLineField = formField.beneath([
    Binding(.altEnter, .insertLineBreak),
    Binding(.up, .previousLine),
    Binding(.down, .nextLine),
  ])

  /// The copy keys, bound only while the preview is shown. F7 sits beside F6; Alt-C ("copy")
  /// is the alternative, Ctrl-Y being the paste of the last cut.
  public static let previewKeys: [Binding] = [
    Binding(.function(7), .copyCurl),
    Binding(.alt("c"), .copyCurl),
  ]

  /// Keys in a yes/no field: Space switches it, first in the bar so the operator sees how.
  public static let switchField = formField.beneath([Binding(.character(" "), .toggleSwitch)])

  /// Keys in a select field with its list closed: Enter opens the list instead of moving on.
  public static let selectField = formField.beneath([Binding(.enter, .openPickList)])

  /// Keys in an open pick list: Enter picks (the one place Enter does not move on), Esc
  /// closes, arrows and pages move, Backspace edits the narrowing text. Every other form key
  /// closes the list first and then does what it does in the form.
  public static let pickList = formField.beneath(
    [Binding(.enter, .pickOption), Binding(.escape, .close)] + listNavigationKeys
      + [Binding(.backspace, .deleteBackward)])

  /// Keys in the field-code browser: printable keys filter, so commands use Enter, Esc,
  /// F-keys, Ctrl and navigation keys. F3 and Ctrl-F close it again.
  public static let fieldBrowser = KeyMap(
    bindings: [
      Binding(.enter, .goToField),
      Binding(.escape, .close),
      Binding(.function(3), .close),
      Binding(.control("f"), .close),
      Binding(.function(6), .togglePreview),
      Binding(.control("p"), .togglePreview),
    ] + quitKeys + helpKeys + listNavigationKeys + [Binding(.backspace, .deleteBackward)])

  /// Keys in the settings screen: printable keys type into the key or the endpoint, so
  /// commands use F-keys, Ctrl and navigation keys. F2 and Ctrl-S save as they send in the
  /// form; F5 (and Ctrl-T, "test") checks the key; Esc, F9 and Ctrl-O leave without saving.
  /// Enter moves between the two fields.
  public static let settings = KeyMap(
    bindings: [
      Binding(.function(2), .saveSettings),
      Binding(.control("s"), .saveSettings),
      Binding(.function(5), .checkKey),
      Binding(.control("t"), .checkKey),
      Binding(.escape, .close),
      Binding(.function(9), .close),
      Binding(.control("o"), .close),
    ] + quitKeys + helpKeys + [
      Binding(.enter, .nextField),
      Binding(.tab, .nextField),
      Binding(.down, .nextField),
      Binding(.backTab, .previousField),
      Binding(.up, .previousField),
    ] + lineEditingKeys)

  /// Keys in the help screen: Esc, F1 and Ctrl-G close it, the arrows and pages scroll it.
  public static let help = KeyMap(
    bindings: [
      Binding(.escape, .close),
      Binding(.function(1), .close),
      Binding(.control("g"), .close),
    ] + quitKeys + listNavigationKeys)
}
