extension TextField {
  /// True for a character that belongs to a word: a letter or a digit of any script (`ё`,
  /// `é` typed either way, `中`, `٣`). Spaces, punctuation, symbols, emoji and line breaks
  /// separate words.
  public static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  /// Where a step one word left of the cursor lands: the start of the word the cursor is in or
  /// after, skipping the separators before the cursor.
  public var wordStartBeforeCursor: Int {
    let characters = Array(value)
    var index = cursor
    while index > 0, !Self.isWordCharacter(characters[index - 1]) { index -= 1 }
    while index > 0, Self.isWordCharacter(characters[index - 1]) { index -= 1 }
    return index
  }

  /// Where a step one word right of the cursor lands: the end of the next word.
  public var wordEndAfterCursor: Int {
    let characters = Array(value)
    var index = cursor
    while index < characters.count, !Self.isWordCharacter(characters[index]) { index += 1 }
    while index < characters.count, Self.isWordCharacter(characters[index]) { index += 1 }
    return index
  }

  /// The characters of the cursor's line: the whole text in a one-line field, the text
  /// between the line breaks around the cursor in a multi-line one (breaks excluded).
  public var lineBounds: Range<Int> {
    guard allowsLineBreaks else { return 0..<value.count }
    let characters = Array(value)
    var start = cursor
    while start > 0, characters[start - 1] != "\n" { start -= 1 }
    var end = cursor
    while end < characters.count, characters[end] != "\n" { end += 1 }
    return start..<end
  }

  /// Moves the cursor to the start of the word before it (Ctrl-Left, Alt-B).
  public mutating func moveWordLeft() {
    moveCursor(to: wordStartBeforeCursor)
  }

  /// Moves the cursor to the end of the word after it (Ctrl-Right, Alt-F).
  public mutating func moveWordRight() {
    moveCursor(to: wordEndAfterCursor)
  }

  /// Cuts from the cursor to the end of the line (Ctrl-K) and answers the cut text. At the end
  /// of a line of a multi-line field it cuts the line break, joining the next line on.
  @discardableResult
  public mutating func cutToEnd() -> String {
    let end = lineBounds.upperBound
    let upper = end == cursor && end < value.count ? end + 1 : end
    return cut(cursor..<upper)
  }

  /// Cuts from the start of the line to the cursor (Ctrl-U) and answers the cut text. At the
  /// start of a line of a multi-line field it cuts the line break before it.
  @discardableResult
  public mutating func cutToStart() -> String {
    let start = lineBounds.lowerBound
    let lower = start == cursor && start > 0 ? start - 1 : start
    return cut(lower..<cursor)
  }

  /// Cuts the word before the cursor with the separators between it and the cursor (Ctrl-W)
  /// and answers the cut text.
  @discardableResult
  public mutating func cutWordBackward() -> String {
    cut(wordStartBeforeCursor..<cursor)
  }

  /// Removes characters `range` as one undo step, the cursor where they were; answers them.
  private mutating func cut(_ range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, value.count))
    let bounded = lower..<max(lower, min(range.upperBound, value.count))
    guard !bounded.isEmpty else {
      history.endRun()
      return ""
    }
    let removed = String(value.dropFirst(bounded.lowerBound).prefix(bounded.count))
    recordingUndo(.separate) { $0.replace(bounded, with: "") }
    return removed
  }
}
