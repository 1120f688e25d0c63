extension ConsoleState {
  /// The form's layout at a size, with the history or the preview below (or beside) it.
  public func formLayout(rows: Int, columns: Int) -> FormLayout {
    FormLayout(
      rows: rows, columns: columns, outline: outline,
      secondaryPane: isPreviewShown ? .preview : .history)
  }

  /// The first form row shown in a layout: the stored scroll, moved just enough that the
  /// focused field shows, so the focus is visible at any size.
  public func formScroll(in layout: FormLayout) -> Int {
    layout.scroll(keepingField: focusIndex, of: outline, from: formScroll)
  }

  /// The layout at the size the runner last reported, or nil before the first report.
  var currentLayout: FormLayout? {
    screenSize.map { formLayout(rows: $0.rows, columns: $0.columns) }
  }

  /// Rows of the browser's list at the reported size.
  var browserListHeight: Int {
    guard let size = screenSize else { return FieldBrowserLayout.fallbackListHeight }
    return FieldBrowserLayout(rows: size.rows, columns: size.columns).list.height
  }

  /// Scrolls the form to the focused field and that field's text to its cursor.
  mutating func scrollFocusIntoView() {
    guard let layout = currentLayout else { return }
    formScroll = formScroll(in: layout)
    let code = focusedField.code
    if layout.inputWidth > 0, texts[code] != nil {
      texts[code]?.scroll(toFit: layout.inputWidth)
    }
  }

  /// After a resize or a change of panes: the form, every field's text and the browser's
  /// list scrolled to fit the new size.
  mutating func scrollFieldsIntoView() {
    // A resize changes how many rows the comment's text wraps to.
    fitMultiLineRows()
    guard let layout = currentLayout else { return }
    formScroll = formScroll(in: layout)
    if layout.inputWidth > 0 {
      for code in Array(texts.keys) {
        texts[code]?.scroll(toFit: layout.inputWidth)
      }
    }
    let height = browserListHeight
    browser?.keepSelectionVisible(listHeight: height)
  }
}
