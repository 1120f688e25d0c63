import LeadCore

/// Draws the history pane with the focus, over the whole body of the screen: today's counts,
/// the filter line, then one row per matching lead with the selection highlighted.
enum HistoryBrowserPane {
  /// The row of today's counts.
  static let countsRow = 1
  /// The row of the filter line.
  static let filterRow = 2

  /// Where the list goes on a screen of `rows` × `columns`: under the filter line, above the
  /// status line.
  static func listRegion(rows: Int, columns: Int) -> ScreenRegion {
    ScreenRegion(top: 3, left: 0, height: max(0, rows - 2 - 3), width: max(0, columns))
  }

  /// Draws the pane; `layout` has already been checked to be large enough.
  static func draw(
    _ state: ConsoleState, browser: HistoryBrowser, layout: FormLayout,
    into screen: inout ScreenBuffer
  ) {
    let width = layout.columns
    screen.draw(
      DisplayWidth.truncated(state.todayCounts.text(in: state.language), toWidth: width - 2),
      row: countsRow,
      column: 1, role: .label)

    let matches = state.historyMatchPositions
    let summary = state.text(
      .historySummary, browser.stateFilter.name(in: state.language), String(matches.count),
      String(state.historyIndex.count))
    let label = state.text(.historyFilterLabel)
    var column = 1 + screen.draw(label, row: filterRow, column: 1, role: .label)
    let room = max(0, width - column - DisplayWidth.of(summary) - 3)
    let typed = DisplayWidth.truncated(browser.filter.value, toWidth: room)
    column += screen.draw(typed, row: filterRow, column: column, width: room, role: .normal)
    screen.cursor = (row: filterRow, column: min(column, width - 1))
    let summaryColumn = max(column + 2, width - DisplayWidth.of(summary) - 1)
    screen.draw(summary, row: filterRow, column: summaryColumn, role: .dim)

    let region = listRegion(rows: layout.rows, columns: width)
    guard !matches.isEmpty else {
      let text = state.text(state.historyIndex.count == 0 ? .noLeadsYet : .noLeadMatches)
      screen.draw(text, row: region.top, column: 1, width: width - 1, role: .dim)
      return
    }
    let rows = matches.dropFirst(browser.scroll).prefix(region.height)
    let wordWidth = HistoryPane.wordWidth(in: state.language)
    for (offset, position) in rows.enumerated() {
      let line = region.top + offset
      guard let entry = state.historyEntry(at: Int(position)) else {
        let text = state.text(.unreadableLead, "\(state.historyIndex.id(at: Int(position)))")
        screen.draw(text, row: line, column: 1, width: width - 1, role: .dim)
        continue
      }
      let row = HistoryRow(entry, timeZone: state.context.timeZone, language: state.language)
      let selected = browser.scroll + offset == browser.selection
      drawRow(
        row, line: line, width: width, wordWidth: wordWidth, into: &screen)
      if selected { screen.paint(row: line, column: 0, width: width, role: .selected) }
    }
  }

  /// One lead: time, mark and state word in the state's role, contact, name.
  private static func drawRow(
    _ row: HistoryRow, line: Int, width: Int, wordWidth: Int, into screen: inout ScreenBuffer
  ) {
    var column = 1
    func put(_ text: String, width room: Int, role: StyleRole) {
      let room = min(room, width - column)
      guard room > 0 else { return }
      screen.draw(
        DisplayWidth.truncated(text, toWidth: room), row: line, column: column, role: role)
      column += room + 1
    }
    put(row.time, width: 5, role: .dim)
    put(row.mark, width: 1, role: row.role)
    put(row.word, width: wordWidth, role: row.role)
    put(row.contact, width: 20, role: .normal)
    put(row.name, width: width - column, role: .normal)
  }
}
