extension ConsoleState {
  /// The help's lines at the reported screen size (80×24 before the first report).
  public var helpLines: [HelpText.Line] {
    HelpText.lines(width: HelpPane.textWidth(of: helpRegion), language: language)
  }

  /// Where the help is drawn at the reported size.
  private var helpRegion: ScreenRegion {
    let size = screenSize ?? (rows: 24, columns: 80)
    return HelpPane.region(rows: size.rows, columns: size.columns)
  }

  /// Shows the help over the screen, scrolled to the keys of the part that had the focus.
  mutating func openHelp() {
    let area = focusArea
    pickList = nil
    let width = HelpPane.textWidth(of: helpRegion)
    let first = HelpText.firstLine(of: area, width: width, language: language)
    help = HelpScreen(scroll: min(first, lastHelpScroll))
    status = StatusMessage(text(.helpOpened))
  }

  /// Carries out a command while the help is shown: closing it, or scrolling it.
  mutating func performInHelp(_ command: Command) {
    let page = max(1, HelpPane.pageHeight(of: helpRegion) - 1)
    let current = help?.scroll ?? 0
    let wanted: Int
    switch command {
    case .close, .showHelp:
      help = nil
      status = StatusMessage(text(.helpClosed))
      return
    case .selectPrevious: wanted = current - 1
    case .selectNext: wanted = current + 1
    case .pageUp: wanted = current - page
    case .pageDown: wanted = current + page
    case .selectFirst: wanted = 0
    case .selectLast: wanted = lastHelpScroll
    default: return
    }
    let last = lastHelpScroll
    help?.scroll = max(0, min(wanted, last))
  }

  /// The furthest the help scrolls: its last line at the bottom of its window.
  private var lastHelpScroll: Int {
    max(0, helpLines.count - HelpPane.pageHeight(of: helpRegion))
  }
}
