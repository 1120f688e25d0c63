/// What the console shows in a window below its minimum size: a short request for a larger
/// window, centred, naming the current and the needed size, in place of every pane.
///
/// The state keeps working underneath: typing still goes into the focused field and the
/// quit keys still quit, and the form comes back as it was once the window is large enough.
public enum SmallWindow {
  /// The fewest columns the console draws its panes in.
  public static let minimumColumns = 80
  /// The fewest rows the console draws its panes in.
  public static let minimumRows = 24

  /// True when a window of this size gets the message instead of the panes.
  public static func isTooSmall(rows: Int, columns: Int) -> Bool {
    rows < minimumRows || columns < minimumColumns
  }

  /// The message's lines for a window of this size, top to bottom, each in the longest wording
  /// that fits `columns`. `quitHint` names the quit keys, or repeats the question the status
  /// line asks about quitting. With few rows the advice goes first, then the way out. The
  /// words are in `language`.
  public static func lines(
    rows: Int, columns: Int, quitHint: String, language: InterfaceLanguage = .english
  ) -> [String] {
    let size = "\(max(0, columns))×\(max(0, rows))"
    let needed = "\(minimumColumns)×\(minimumRows)"
    // In the order they are dropped last to first; `shownOrder` is where each goes on screen.
    let byPriority: [(shownOrder: Int, wordings: [String])] = [
      (
        0,
        [
          language.text(.smallTitleLong), language.text(.smallTitleShort),
          language.text(.smallTitleShortest),
        ]
      ),
      (
        1,
        [
          language.text(.smallSizeLong, size, needed),
          language.text(.smallSizeShort, size, needed), size,
        ]
      ),
      (3, [quitHint, DisplayWidth.truncated(quitHint, toWidth: columns)]),
      (2, [language.text(.smallAdviceLong), language.text(.smallAdviceShort)]),
    ]
    let fitting = byPriority.compactMap { line in
      line.wordings.first { !$0.isEmpty && DisplayWidth.of($0) <= columns }
        .map { (line.shownOrder, $0) }
    }
    return fitting.prefix(max(0, rows)).sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// Draws the message centred in the whole screen, in the warning role for its first line,
  /// and hides the cursor.
  public static func draw(
    quitHint: String, language: InterfaceLanguage = .english, into screen: inout ScreenBuffer
  ) {
    let lines = lines(
      rows: screen.rows, columns: screen.columns, quitHint: quitHint, language: language)
    let top = max(0, (screen.rows - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
      let shown = DisplayWidth.truncated(line, toWidth: screen.columns)
      let column = max(0, (screen.columns - DisplayWidth.of(shown)) / 2)
      screen.draw(shown, row: top + offset, column: column, role: offset == 0 ? .warning : .normal)
    }
    screen.cursor = nil
  }
}

extension ConsoleState {
  /// The last line of the small-window message: the pending quit question when the first
  /// quit key was pressed (so the second press is not a surprise), else the quit keys.
  public var smallWindowQuitHint: String {
    if isQuitPending { return status.text }
    let keys = keyMap.keys(for: .quit).map(\.label).joined(separator: "/")
    return keys.isEmpty ? "" : text(.quitHint, keys)
  }
}
