import LeadCore

/// Draws the form's window: each visible row of the outline (fields, their notes, group
/// headings, a schema notice), a scroll bar when the form is longer than its window, and the
/// open pick list over whatever lies below its field.
enum FormPane {
  /// Draws the form scrolled so that the focused field shows, and places the cursor in it.
  static func draw(_ state: ConsoleState, layout: FormLayout, into screen: inout ScreenBuffer) {
    let outline = state.outline
    let scroll = state.formScroll(in: layout)
    let window = layout.form
    guard window.height > 0, window.width > 0 else { return }
    for offset in 0..<window.height where scroll + offset < outline.rows.count {
      let row = window.top + offset
      switch outline.rows[scroll + offset] {
      case .field(let index):
        if let slot = layout.slot(ofField: index, of: outline, scroll: scroll) {
          drawField(index, state: state, slot: slot, into: &screen)
        }
      case .continuation(let index, let line):
        if layout.slot(ofField: index, of: outline, scroll: scroll) == nil {
          drawCutRow(line, ofField: index, state: state, layout: layout, row: row, into: &screen)
        }
      case .note(let index):
        if let message = layout.slot(ofField: index, of: outline, scroll: scroll)?.message {
          drawNote(index, state: state, in: message, into: &screen)
        }
      case .heading(let group):
        drawHeading(
          state.text(group == .contact ? .headingContact : .headingDeal), row: row,
          width: window.width, into: &screen)
      case .notice(let line):
        screen.draw(
          DisplayWidth.truncated(line, toWidth: window.width - 3), row: row, column: 2,
          role: .warning)
      }
    }
    drawScrollBar(scroll: scroll, count: outline.rows.count, in: window, into: &screen)
  }

  /// A group's title across the form: `── Contact ──────`.
  private static func drawHeading(
    _ title: String, row: Int, width: Int, into screen: inout ScreenBuffer
  ) {
    let rule = String(repeating: "─", count: max(0, width - 3))
    screen.draw(rule, row: row, column: 2, role: .dim)
    screen.draw(" \(title) ", row: row, column: 4, width: max(0, width - 5), role: .label)
  }

  /// One field: its mark (`!` for a problem, else `•` when pinned), its label (with `*` when
  /// required) and its input box.
  private static func drawField(
    _ index: Int, state: ConsoleState, slot: FormLayout.FieldSlot, into screen: inout ScreenBuffer
  ) {
    let field = state.outline.fields[index]
    let problem = state.problems[field.code]
    let focused = state.focusIndex == index && state.browser == nil
    if problem != nil {
      screen.draw("!", row: slot.row, column: slot.markColumn, role: .invalid)
    } else if state.stickyCodes.contains(field.code) {
      screen.draw(stickyMark, row: slot.row, column: slot.markColumn, role: .label)
    }
    let label =
      field.required
      ? DisplayWidth.truncated(field.label, toWidth: slot.labelWidth - 2) + " *"
      : DisplayWidth.truncated(field.label, toWidth: slot.labelWidth)
    screen.draw(
      label, row: slot.row, column: slot.labelColumn, role: problem != nil ? .invalid : .label)

    let box = slot.input
    guard box.width > 0 else { return }
    let role: StyleRole = problem != nil ? .invalid : focused ? .focusedInput : .input
    switch field.type {
    case .boolean:
      let on = state.isSwitchOn(field.code) ?? false
      screen.draw(on ? "[x]" : "[ ]", row: box.top, column: box.left, width: box.width, role: role)
      if focused { screen.cursor = (box.top, box.left + min(1, box.width - 1)) }
    case .select:
      if focused, let list = state.pickList, list.code == field.code {
        drawText(list.filter, in: box, role: .focusedInput, focused: true, into: &screen)
      } else {
        screen.fill(row: box.top, column: box.left, width: box.width, role: role)
        let shown = FieldText.shown(state.value(ofCode: field.code), in: field)
        screen.draw(
          DisplayWidth.truncated(shown, toWidth: box.width - 2), row: box.top, column: box.left,
          role: role)
        screen.draw("▾", row: box.top, column: box.left + box.width - 1, role: role)
        if focused { screen.cursor = (box.top, box.left) }
      }
    default:
      let text = state.textField(code: field.code)
      if text.allowsLineBreaks {
        drawArea(
          text, in: box, rows: state.outline.inputRows[index], role: role, focused: focused,
          into: &screen)
      } else {
        drawText(text, in: box, role: role, focused: focused, into: &screen)
      }
    }
  }

  /// The mark before a pinned field's label.
  static let stickyMark = "•"

  /// A multi-line text in its box of `rows` rows (of which `box.height` show), scrolled to
  /// its cursor, with `↑` and `↓` beside the box where rows are hidden.
  static func drawArea(
    _ text: TextField, in box: ScreenRegion, rows: Int, role: StyleRole, focused: Bool,
    into screen: inout ScreenBuffer
  ) {
    let view = text.areaViewport(width: box.width, height: rows)
    for offset in 0..<box.height {
      screen.fill(row: box.top + offset, column: box.left, width: box.width, role: role)
      if offset < view.rows.count {
        screen.draw(
          view.rows[offset], row: box.top + offset, column: box.left, width: box.width, role: role)
      }
    }
    if view.hidesRowsBefore {
      screen.draw("↑", row: box.top, column: box.left + box.width, role: .dim)
    }
    if view.hidesRowsAfter, box.height == rows {
      screen.draw("↓", row: box.top + box.height - 1, column: box.left + box.width, role: .dim)
    }
    if focused, view.cursorRow < box.height {
      screen.cursor = (box.top + view.cursorRow, box.left + view.cursorColumn)
    }
  }

  /// One lower row of a multi-line box whose first row is scrolled out of the window.
  private static func drawCutRow(
    _ line: Int, ofField index: Int, state: ConsoleState, layout: FormLayout, row: Int,
    into screen: inout ScreenBuffer
  ) {
    let field = state.outline.fields[index]
    let role: StyleRole = state.problems[field.code] != nil ? .invalid : .input
    let view = state.textField(code: field.code).areaViewport(
      width: layout.inputWidth, height: state.outline.inputRows[index])
    screen.fill(row: row, column: layout.inputColumn, width: layout.inputWidth, role: role)
    if view.rows.indices.contains(line) {
      screen.draw(
        view.rows[line], row: row, column: layout.inputColumn, width: layout.inputWidth,
        role: role)
    }
  }

  /// A line of text in its box, scrolled to its cursor, with `‹` and `›` where text is hidden.
  static func drawText(
    _ text: TextField, in box: ScreenRegion, role: StyleRole, focused: Bool,
    into screen: inout ScreenBuffer
  ) {
    let view = text.viewport(width: box.width)
    screen.fill(row: box.top, column: box.left, width: box.width, role: role)
    screen.draw(view.text, row: box.top, column: box.left, width: box.width, role: role)
    if view.hidesTextBefore {
      screen.draw("‹", row: box.top, column: box.left - 1, role: .dim)
    }
    if view.hidesTextAfter {
      screen.draw("›", row: box.top, column: box.left + box.width, role: .dim)
    }
    if focused {
      screen.cursor = (box.top, box.left + view.cursorColumn)
    }
  }

  /// The line under a field: its problem, else its hint while it has the focus.
  private static func drawNote(
    _ index: Int, state: ConsoleState, in region: ScreenRegion, into screen: inout ScreenBuffer
  ) {
    let field = state.outline.fields[index]
    if let problem = state.problems[field.code] {
      screen.draw(
        DisplayWidth.truncated(problem, toWidth: region.width), row: region.top,
        column: region.left, role: .invalid)
    } else if state.focusIndex == index, state.browser == nil,
      let hint = FieldText.hint(for: field, language: state.language)
    {
      screen.draw(
        DisplayWidth.truncated(hint, toWidth: region.width), row: region.top,
        column: region.left, role: .dim)
    }
  }

  /// A one-column bar at the form's left edge when its rows do not all fit: the thumb marks
  /// the part shown.
  private static func drawScrollBar(
    scroll: Int, count: Int, in window: ScreenRegion, into screen: inout ScreenBuffer
  ) {
    let height = window.height
    guard count > height, height > 0 else { return }
    let thumb = max(1, height * height / count)
    let start = min(height - thumb, (scroll * height + count / 2) / count)
    for offset in 0..<height {
      let inThumb = offset >= start && offset < start + thumb
      screen.draw(
        inThumb ? "┃" : "│", row: window.top + offset, column: window.left,
        role: inThumb ? .label : .dim)
    }
  }
}
