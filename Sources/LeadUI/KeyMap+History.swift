extension KeyMap {
  /// Keys in the history pane: printable keys filter, so commands use Enter, Esc, F-keys, Ctrl
  /// and navigation keys. F5, Ctrl-T and Tab step the state filter (F5 and Ctrl-T go together
  /// as in the settings); F4 and Ctrl-R return to the form.
  public static let history = KeyMap(
    bindings: [
      Binding(.enter, .openDetail),
      Binding(.function(5), .cycleStateFilter),
      Binding(.control("t"), .cycleStateFilter),
      Binding(.tab, .cycleStateFilter),
      Binding(.escape, .close),
      Binding(.function(4), .close),
      Binding(.control("r"), .close),
    ] + quitKeys + helpKeys + listNavigationKeys + [Binding(.backspace, .deleteBackward)])

  /// Keys in the detail view of one lead: F2 and Ctrl-S resend as they send in the form; F7
  /// and Ctrl-Y ("yank") copy the lead into the form; F8 and Ctrl-D ("done") close it by hand.
  /// Esc returns to the list; the arrows and pages scroll.
  public static let historyDetail = KeyMap(
    bindings: [
      Binding(.function(2), .resend),
      Binding(.control("s"), .resend),
      Binding(.function(7), .copyToForm),
      Binding(.control("y"), .copyToForm),
      Binding(.function(8), .markDone),
      Binding(.control("d"), .markDone),
      Binding(.escape, .close),
    ] + quitKeys + helpKeys + listNavigationKeys)
}
