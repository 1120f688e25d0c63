import LeadUI
import Testing

@Suite("ScreenBuffer drawing")
struct ScreenBufferDrawingTests {
  @Test("a wide character takes two cells, the second marked as its continuation")
  func wideCharacterCells() {
    var screen = ScreenBuffer(rows: 1, columns: 4)
    let used = screen.draw("中a", row: 0, column: 0, role: .input)
    #expect(used == 3)
    #expect(screen[0, 0].grapheme == "中")
    #expect(screen[0, 1].isContinuation)
    #expect(screen[0, 2].grapheme == "a")
    #expect(screen.text(ofRow: 0) == "中a ")
  }

  @Test("a wide character that would be cut at the edge is left out", arguments: [1, 3])
  func wideCharacterClipped(width: Int) {
    var screen = ScreenBuffer(rows: 1, columns: 8)
    let used = screen.draw("a中中", row: 0, column: 0, width: width, role: .normal)
    #expect(used == width)
    #expect(!screen[0, width].isContinuation)
  }

  @Test("overwriting half of a wide character blanks its other half")
  func overwritingHalfAWideCharacter() {
    var screen = ScreenBuffer(rows: 1, columns: 4)
    screen.draw("中文", row: 0, column: 0, role: .normal)
    screen.draw("x", row: 0, column: 1, role: .normal)
    #expect(screen.text(ofRow: 0) == " x文")
    screen.draw("y", row: 0, column: 2, role: .normal)
    #expect(screen.text(ofRow: 0) == " xy ")
    #expect(screen.cells.allSatisfy { !$0.isContinuation })
  }

  @Test("a zero-width mark joins the cell before it; a cell keeps at most five scalars")
  func combiningMarks() {
    var screen = ScreenBuffer(rows: 1, columns: 3)
    screen.draw(
      "a" + String(repeating: "\u{301}", count: 9) + "b", row: 0, column: 0, role: .normal)
    #expect(screen[0, 0].grapheme.unicodeScalars.count == ScreenBuffer.maximumScalarsPerCell)
    #expect(screen[0, 1].grapheme == "b")
  }

  @Test("drawing outside the grid does nothing", arguments: [(-1, 0), (0, -1), (5, 0), (0, 9)])
  func outsideGrid(row: Int, column: Int) {
    var screen = ScreenBuffer(rows: 2, columns: 3)
    #expect(screen.draw("abc", row: row, column: column, role: .normal) == 0)
    #expect(screen == ScreenBuffer(rows: 2, columns: 3))
  }
}
