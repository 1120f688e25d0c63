import LeadUI
import Testing

@Suite("multi-line text field")
struct TextAreaTests {
  /// The rows as (start, end) pairs.
  private func rows(_ text: String, width: Int) -> [[Int]] {
    TextRows(text, width: width).rows.map { [$0.start, $0.end] }
  }

  @Test("line breaks start rows and long lines go on in the next row")
  func rowsFollowBreaksAndWidth() {
    #expect(rows("раз\nдва", width: 10) == [[0, 3], [4, 7]])
    #expect(rows("abcdef", width: 4) == [[0, 4], [4, 6]])
    #expect(rows("", width: 4) == [[0, 0]])
    #expect(rows("ab\n", width: 4) == [[0, 2], [3, 3]])
  }

  @Test("a long line breaks after its last space that fits, inside a word only when it must")
  func rowsBreakBetweenWords() {
    #expect(rows("ab cd ef", width: 5) == [[0, 3], [3, 8], [8, 8]])
    #expect(rows("один два три", width: 8) == [[0, 5], [5, 12]])
    #expect(rows("a abcdefgh", width: 4) == [[0, 2], [2, 6], [6, 10], [10, 10]])
  }

  @Test("a wide character never straddles two rows")
  func wideCharactersStayWhole() {
    #expect(rows("a中中", width: 4) == [[0, 2], [2, 3]])
    #expect(TextRows("a中中", width: 4).position(of: 3) == (1, 2))
    #expect(rows("👨‍👩‍👧👨‍👩‍👧x", width: 3) == [[0, 1], [1, 3], [3, 3]])
  }

  @Test("a full row gets an empty row after it where the next character will go")
  func fullRowsLeaveRoomForTheCursor() {
    #expect(rows("abcd", width: 4) == [[0, 4], [4, 4]])
    #expect(TextRows("abcd", width: 4).position(of: 4) == (1, 0))
    let broken = TextRows("ab\ncd", width: 2)
    #expect(broken.rows.map { [$0.start, $0.end] } == [[0, 2], [2, 2], [3, 5], [5, 5]])
    #expect(broken.position(of: 2) == (1, 0))
    #expect(broken.position(of: 1) == (0, 1))
  }

  @Test("Up and Down keep the column as near as the other row allows, never inside a wide one")
  func verticalMovesKeepTheColumn() {
    var field = TextField("中中中\nabcdef", allowsLineBreaks: true)
    var moves = [field.moveUp(width: 20)]
    #expect(field.cursor == 3)
    field.moveToStart()
    field.moveRight()
    field.moveRight()
    moves.append(field.moveDown(width: 20))
    #expect(field.cursor == 4 + 4)
    field.moveRight()
    moves.append(field.moveUp(width: 20))
    #expect(field.cursor == 2)
    moves.append(field.moveUp(width: 20))
    #expect(field.cursor == 2)
    #expect(moves == [true, true, true, false])
  }

  @Test("Down on a wrapped line goes to its next row before the next line")
  func verticalMovesFollowWrappedRows() {
    var field = TextField("abcdefg\nz", allowsLineBreaks: true)
    field.moveCursorToStartOfText()
    var moves = [field.moveDown(width: 4)]
    #expect(field.cursor == 4)
    moves.append(field.moveDown(width: 4))
    #expect(field.cursor == 8)
    moves.append(field.moveDown(width: 4))
    #expect(moves == [true, true, false])
  }

  @Test("a one-line field has no rows to move between")
  func oneLineFieldsDoNotMoveVertically() {
    var field = TextField("abc")
    let moves = [field.moveUp(width: 10), field.moveDown(width: 10)]
    #expect(moves == [false, false])
    #expect(field.visibleRows(width: 1) == 1)
  }

  @Test("the box grows to four rows, then shows the cursor's rows with marks for the rest")
  func viewportScrolls() {
    var field = TextField("1\n2\n3\n4\n5\n6", allowsLineBreaks: true)
    #expect(field.visibleRows(width: 10) == 4)
    #expect(TextField("1\n2", allowsLineBreaks: true).visibleRows(width: 10) == 2)
    field.scroll(toFit: 10)
    let end = field.areaViewport(width: 10, height: 4)
    #expect(end.rows == ["3", "4", "5", "6"])
    #expect(end.cursorRow == 3)
    #expect(end.cursorColumn == 1)
    #expect(end.hidesRowsBefore)
    #expect(!end.hidesRowsAfter)

    field.moveCursorToStartOfText()
    field.scroll(toFit: 10)
    let start = field.areaViewport(width: 10, height: 4)
    #expect(start.rows == ["1", "2", "3", "4"])
    #expect(start.cursorRow == 0)
    #expect(!start.hidesRowsBefore)
    #expect(start.hidesRowsAfter)
  }

  @Test("a multi-line field keeps line breaks as LF, whichever form they came in")
  func lineBreaksAreUnified() {
    var field = TextField(allowsLineBreaks: true)
    field.insert("a\r\nb\rc\u{2028}d\te")
    #expect(field.value == "a\nb\nc\nd e")
    #expect(field.cursorColumn == 3)
  }
}

extension TextField {
  /// Puts the cursor before the first character of the whole text.
  fileprivate mutating func moveCursorToStartOfText() {
    while moveUp(width: 1_000) {}
    moveToStart()
  }
}
