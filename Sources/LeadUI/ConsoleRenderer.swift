import LeadCore

/// Draws the whole console into a virtual screen; the terminal front end only copies it out.
public enum ConsoleRenderer {
  /// The product's name in the header, in English.
  public static let productName = UIText.text(.productName, in: .english)

  /// The screen for a state at a given size. Any size works, 0×0 included; below
  /// `SmallWindow`'s minimum the screen asks for a larger window instead.
  public static func render(_ state: ConsoleState, rows: Int, columns: Int) -> ScreenBuffer {
    var screen = ScreenBuffer(rows: rows, columns: columns)
    let layout = state.formLayout(rows: rows, columns: columns)
    guard !layout.isTooSmall, !SmallWindow.isTooSmall(rows: rows, columns: columns) else {
      SmallWindow.draw(
        quitHint: state.smallWindowQuitHint, language: state.language, into: &screen)
      return screen
    }

    drawHeader(state.context, layout: layout, into: &screen)
    drawPanes(state, layout: layout, into: &screen)
    HelpPane.draw(state, layout: layout, into: &screen)
    drawStatus(state.status, layout: layout, into: &screen)
    drawKeyBar(state.keyMap, language: state.language, row: layout.keyBarRow, into: &screen)
    return screen
  }

  /// The screen between the header and the status line: whichever pane has the focus, or
  /// the form with the history or the preview beside or below it.
  static func drawPanes(_ state: ConsoleState, layout: FormLayout, into screen: inout ScreenBuffer)
  {
    if let form = state.settings {
      SettingsPane.draw(state, form: form, into: &screen)
    } else if let browser = state.historyBrowser {
      if let entry = state.detailEntry {
        HistoryDetailPane.draw(
          state, entry: entry, scroll: browser.detailScroll, layout: layout, into: &screen)
      } else {
        HistoryBrowserPane.draw(state, browser: browser, layout: layout, into: &screen)
      }
    } else if let browser = state.browser {
      FieldBrowserPane.draw(state, browser: browser, into: &screen)
    } else {
      FormPane.draw(state, layout: layout, into: &screen)
      let pane = layout.secondary
      if layout.isSideBySide {
        for row in pane.top..<(pane.top + pane.height) {
          screen.draw("│", row: row, column: pane.left - 1, role: .dim)
        }
      }
      if state.isPreviewShown {
        PreviewPane.draw(state, in: pane, into: &screen)
      } else {
        HistoryPane.draw(state, in: pane, into: &screen)
      }
      PickListOverlay.draw(state, layout: layout, into: &screen)
    }
  }

  /// The title, the endpoint and the masked key (or a warning that there is none), in the
  /// context's language.
  static func drawHeader(
    _ context: ConsoleContext, layout: FormLayout,
    into screen: inout ScreenBuffer
  ) {
    screen.fill(row: 0, column: 0, width: layout.columns, role: .title)
    let language = context.language
    let key =
      context.maskedKey.map { language.text(.headerKey, compactMask($0)) }
      ?? language.text(.headerNoKey)
    let keyWidth = DisplayWidth.of(key)
    let keyColumn = max(0, layout.columns - keyWidth - 1)
    var column = 1 + screen.draw(language.text(.productName), row: 0, column: 1, role: .title)
    column += 2
    let endpointRoom = keyColumn - column - 2
    if endpointRoom > 0 {
      screen.draw(
        DisplayWidth.truncated(context.endpoint, toWidth: endpointRoom), row: 0, column: column,
        role: .title)
    }
    screen.draw(key, row: 0, column: keyColumn, role: context.maskedKey == nil ? .warning : .title)
  }

  /// A masked key with its run of mask characters cut to four, so a long key leaves the
  /// header room for the endpoint; the visible tail is kept as the mask gave it.
  static func compactMask(_ masked: String) -> String {
    let hidden = masked.prefix { $0 == "•" }.count
    guard hidden > 4 else { return masked }
    return String(repeating: "•", count: 4) + masked.dropFirst(hidden)
  }

  /// The key bar, generated from the key map: keys in the hint role, then what they do. An
  /// entry that does not fit is left out and the next ones are still tried.
  static func drawKeyBar(
    _ map: KeyMap, language: InterfaceLanguage, row: Int, into screen: inout ScreenBuffer
  ) {
    var column = 1
    for entry in KeyBar.entries(for: map, language: language) {
      let width = DisplayWidth.of(entry.keys) + 1 + DisplayWidth.of(entry.title)
      guard column + width <= screen.columns else { continue }
      column += screen.draw(entry.keys, row: row, column: column, role: .keyHint) + 1
      column += screen.draw(entry.title, row: row, column: column, role: .normal) + 2
    }
  }
}
