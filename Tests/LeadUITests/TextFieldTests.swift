import LeadUI
import Testing

@Suite("TextField")
struct TextFieldTests {
  /// Text typed one character at a time.
  private func typed(_ text: String) -> TextField {
    var field = TextField()
    for character in text { field.insert(String(character)) }
    return field
  }

  @Test(
    "typing moves the cursor by each character's display width",
    arguments: [
      ("Пётр", 4, 4),
      ("中文字", 3, 6),
      ("Cafe\u{301}", 4, 4),
      ("a😀b", 3, 4),
    ])
  func typingAdvancesCursorByDisplayWidth(text: String, characters: Int, columns: Int) {
    let field = typed(text)
    #expect(field.value == text)
    #expect(field.value.count == characters)
    #expect(field.cursor == characters)
    #expect(field.cursorColumn == columns)
  }

  @Test("a combining mark typed after a letter joins it into one character")
  func combiningMarkJoinsPreviousLetter() {
    var field = typed("e")
    field.insert("\u{301}")
    #expect(field.value == "e\u{301}")
    #expect(field.value.count == 1)
    #expect(field.cursor == 1)
    #expect(field.cursorColumn == 1)
    field.deleteBackward()
    #expect(field.value.isEmpty)
  }

  @Test(
    "Backspace, Delete, Left, Right, Home and End act on whole characters",
    arguments: [
      ("Пётр", "Птр", "Пёт"),
      ("北京市", "北市", "北京"),
      ("e\u{301}e\u{301}x", "e\u{301}x", "e\u{301}e\u{301}"),
      ("🇷🇺x🇺🇸", "🇷🇺🇺🇸", "🇷🇺x"),
    ])
  func editingKeysWorkOnGraphemes(text: String, afterMiddleDelete: String, afterEndErase: String) {
    var field = TextField(text)
    field.moveToStart()
    field.moveRight()
    field.moveRight()
    field.moveLeft()
    // Cursor after the first character: Delete removes the second one.
    field.deleteForward()
    #expect(field.value == afterMiddleDelete)
    #expect(field.cursor == 1)

    field = TextField(text)
    field.moveToEnd()
    field.deleteBackward()
    #expect(field.value == afterEndErase)
    #expect(field.cursor == afterEndErase.count)
  }

  @Test("Home then Backspace and End then Delete change nothing")
  func editingAtTheEdgesIsHarmless() {
    var field = TextField("Щёкин")
    field.moveToStart()
    #expect(field.deleteBackward() == false)
    #expect(field.cursorColumn == 0)
    field.moveToEnd()
    #expect(field.deleteForward() == false)
    #expect(field.value == "Щёкин")
    #expect(field.cursorColumn == 5)
  }

  @Test("inserting in the middle puts the cursor after the inserted text")
  func insertInMiddle() {
    var field = TextField("Иванов")
    field.moveToStart()
    field.moveRight()
    field.insert("中")
    #expect(field.value == "И中ванов")
    #expect(field.cursor == 2)
    #expect(field.cursorColumn == 3)
  }

  @Test(
    "a paste turns line breaks and tabs into spaces and drops other controls",
    arguments: [
      ("one\ntwo", "one two"),
      ("one\r\ntwo", "one two"),
      ("a\tb\rc", "a b c"),
      ("x\u{1B}[2Jy", "x[2Jy"),
      ("bell\u{07}\u{9B}", "bell"),
    ])
  func pasteIsMadeOneLine(pasted: String, expected: String) {
    var field = TextField()
    field.insert(pasted)
    #expect(field.value == expected)
    #expect(field.cursor == expected.count)
  }

  @Test("a long field scrolls so the cursor stays in the box")
  func longTextScrollsHorizontally() {
    var field = TextField(String(repeating: "ж", count: 30))
    field.scroll(toFit: 10)
    let end = field.viewport(width: 10)
    #expect(end.text == String(repeating: "ж", count: 9))
    #expect(end.cursorColumn == 9)
    #expect(end.hidesTextBefore)
    #expect(!end.hidesTextAfter)

    field.moveToStart()
    field.scroll(toFit: 10)
    let start = field.viewport(width: 10)
    #expect(start.text == String(repeating: "ж", count: 10))
    #expect(start.cursorColumn == 0)
    #expect(!start.hidesTextBefore)
    #expect(start.hidesTextAfter)
  }

  @Test("a wide character at the box edge is never cut in half", arguments: [5, 6, 7, 8])
  func wideCharacterAtEdgeIsWholeOrAbsent(width: Int) {
    var field = TextField("a中中中中中中")
    field.moveToStart()
    field.scroll(toFit: width)
    let view = field.viewport(width: width)
    #expect(DisplayWidth.of(view.text) <= width)
    #expect(DisplayWidth.of(view.text) >= width - 1)
    #expect(view.text.hasPrefix("a中"))

    // Walking right keeps the character under the cursor whole and inside the box.
    for _ in 0..<7 {
      field.moveRight()
      field.scroll(toFit: width)
      let moved = field.viewport(width: width)
      #expect(DisplayWidth.of(moved.text) <= width)
      let underCursor = field.cursor < field.value.count ? 2 : 1
      #expect(moved.cursorColumn + underCursor <= width)
    }
  }

  @Test("deleting near the end of a scrolled field brings hidden text back into view")
  func deletingUnscrolls() {
    var field = TextField("abcdefghijkl")
    field.scroll(toFit: 6)
    #expect(field.viewport(width: 6).text == "hijkl")
    for _ in 0..<7 { field.deleteBackward() }
    field.scroll(toFit: 6)
    let view = field.viewport(width: 6)
    #expect(view.text == "abcde")
    #expect(!view.hidesTextBefore)
    #expect(view.cursorColumn == 5)
  }

  @Test("a box of zero or one column never traps", arguments: [-1, 0, 1])
  func tinyBoxes(width: Int) {
    var field = TextField("中文abc")
    field.scroll(toFit: width)
    let view = field.viewport(width: width)
    #expect(DisplayWidth.of(view.text) <= max(0, width))
  }
}
