/// The part of a field that fits its box, and where the cursor sits in it.
public struct TextViewport: Sendable, Equatable {
  /// The characters shown, each whole; a wide one that would be cut at the edge is left out.
  public var text: String
  /// The cursor's column inside the box.
  public var cursorColumn: Int
  /// True when characters before the shown ones are scrolled out of view.
  public var hidesTextBefore: Bool
  /// True when characters after the shown ones do not fit.
  public var hidesTextAfter: Bool
}

extension TextField {
  /// Scrolls as little as possible so the character under the cursor (or the cell after the
  /// text) is fully inside a box `width` columns wide, and no space is wasted at the end while
  /// earlier text is hidden. A multi-line field scrolls its rows instead, in a box as high as
  /// `visibleRows(width:)`.
  public mutating func scroll(toFit width: Int) {
    if allowsLineBreaks {
      scrollRows(toFit: width)
      return
    }
    let widths = value.map { DisplayWidth.of($0) }
    guard width > 0 else {
      scrollOffset = cursor
      return
    }

    let cursorCell = cursor < widths.count ? max(1, widths[cursor]) : 1
    var offset = min(scrollOffset, cursor)
    var beforeCursor = widths[offset..<cursor].reduce(0, +)
    while offset < cursor && beforeCursor + cursorCell > width {
      beforeCursor -= widths[offset]
      offset += 1
    }

    let endCell = cursor == widths.count ? 1 : 0
    var fromOffset = widths[offset...].reduce(0, +)
    while offset > 0 {
      let previous = widths[offset - 1]
      guard fromOffset + previous + endCell <= width, beforeCursor + previous + cursorCell <= width
      else { break }
      offset -= 1
      fromOffset += previous
      beforeCursor += previous
    }
    scrollOffset = offset
  }

  /// What a box `width` columns wide shows, scrolled from the stored offset just enough to keep
  /// the cursor in view; the field itself is not changed.
  public func viewport(width: Int) -> TextViewport {
    var field = self
    field.scroll(toFit: width)

    var shown = ""
    var used = 0
    var cursorColumn = 0
    var index = field.scrollOffset
    for character in value.dropFirst(field.scrollOffset) {
      if index == cursor { cursorColumn = used }
      let columns = DisplayWidth.of(character)
      guard used + columns <= width else { break }
      shown.append(character)
      used += columns
      index += 1
    }
    if index == cursor { cursorColumn = used }
    return TextViewport(
      text: shown,
      cursorColumn: min(cursorColumn, max(0, width - 1)),
      hidesTextBefore: field.scrollOffset > 0,
      hidesTextAfter: index < value.count
    )
  }
}
