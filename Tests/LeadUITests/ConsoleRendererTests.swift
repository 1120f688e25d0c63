import LeadCore
import LeadUI
import Testing

@Suite("ConsoleRenderer")
struct ConsoleRendererTests {
  @Test("80×24: header, labels in order, history, status and key bar")
  func standardScreen() throws {
    var console = makeConsole()
    _ = console.handle(.leadQueued(makeEntry(id: "c1", minute: 15, lead: ivan)))
    let screen = console.screen

    let header = screen.text(ofRow: 0)
    #expect(header.contains(ConsoleRenderer.productName))
    #expect(header.contains("http://127.0.0.1:8080/api/site/"))
    #expect(header.contains("key ••••cdef"))
    #expect(!header.contains("•••••"))
    #expect(screen[0, 1].role == .title)

    let labelRows = try FormLayout.fieldOrder.map { field in
      try #require(row(containing: field.label, in: screen))
    }
    #expect(labelRows == labelRows.sorted())
    #expect(Set(labelRows).count == 5)

    let historyTitle = try #require(row(containing: "History", in: screen))
    #expect(historyTitle > labelRows[4])
    #expect(screen.text(ofRow: historyTitle + 1).contains("10:15"))
    #expect(screen.text(ofRow: historyTitle + 1).contains("Иван Петров"))

    let keyBar = screen.text(ofRow: 23)
    #expect(
      keyBar.hasPrefix(" F2/^S Send  F10/^Q/^C Quit  F1/^G Help  F8/^N New call  F4/^R History"))
    #expect(screen[23, 1].role == .keyHint)
    #expect(screen.cursor?.row == labelRows[0])
    #expect(screen[labelRows[0], screen.cursor?.column ?? 0].role == .focusedInput)
  }

  @Test("a long one-line field scrolls on screen and keeps the cursor in its box")
  func longFieldOnScreen() throws {
    var console = makeConsole()
    let text = String(repeating: "комментарий 中文 ", count: 10)
    console.press(.tab, .tab, .tab)
    console.press(.paste(text))
    let screen = console.screen
    let emailRow = try #require(row(containing: "Email", in: screen))
    let cursor = try #require(screen.cursor)
    #expect(cursor.row == emailRow)
    #expect(cursor.column < 79)
    #expect(screen.text(ofRow: emailRow).contains("‹"))
    #expect(console.value(of: .email) == text)
  }

  @Test("a long status message wraps upwards, whole, and only past three rows is it cut")
  func longStatus() throws {
    var console = makeConsole()
    let words = (1...24).map { "слово\($0)" }.joined(separator: " ")
    _ = console.handle(.notice(words))
    let screen = ConsoleRenderer.render(console, rows: 24, columns: 80)
    let shown = (20...22).map { screen.text(ofRow: $0) }.joined(separator: " ")
    for number in 1...24 {
      #expect(shown.contains("слово\(number) "))
    }
    #expect(!shown.contains("…"))
    #expect(screen.text(ofRow: 23).contains("F2"))

    _ = console.handle(.notice(String(repeating: "длинное сообщение ", count: 40)))
    let cut = ConsoleRenderer.render(console, rows: 24, columns: 80)
    #expect(cut.text(ofRow: 22).trimmingCharacters(in: .whitespaces).hasSuffix("…"))
    #expect(cut.text(ofRow: 19).contains("длинное") == false)
  }

  @Test("wide screens put the history beside the form")
  func sideBySide() throws {
    var console = makeConsole()
    _ = console.handle(.leadQueued(makeEntry(id: "c2", minute: 3, lead: ivan)))
    for columns in [FormLayout.sideBySideColumns, 140] {
      let screen = ConsoleRenderer.render(console, rows: 30, columns: columns)
      let firstRow = try #require(row(containing: "First name", in: screen))
      #expect(screen.text(ofRow: firstRow).contains("History"))
      #expect(screen.text(ofRow: firstRow).contains("│"))
      #expect(screen.text(ofRow: firstRow + 1).contains("+7 912 345-67-89 Иван"))
    }
  }

  @Test(
    "any size renders without trapping; tiny screens ask for a larger window",
    arguments: [(0, 0), (1, 1), (0, 80), (24, 0), (2, 3), (15, 80), (24, 59), (-3, -7)])
  func tinyScreens(rows: Int, columns: Int) {
    var console = makeConsole()
    console.type("Пётр 中文")
    _ = console.handle(.leadQueued(makeEntry(id: "d1", minute: 1, lead: ivan)))
    let screen = ConsoleRenderer.render(console, rows: rows, columns: columns)
    #expect(screen.rows == max(0, rows))
    #expect(screen.columns == max(0, columns))
    #expect(screen.cells.count == screen.rows * screen.columns)
    #expect(screen.cursor == nil)
    if rows >= 1 && columns >= 16 {
      #expect(screen.text.contains("Window too small"))
    }
  }

  @Test("the state survives resizes to 0×0 and 1×1 and back")
  func resizeToNothingAndBack() {
    var console = makeConsole()
    console.type("Щёкин")
    for (rows, columns) in [(0, 0), (1, 1), (24, 80)] {
      _ = console.handle(.resized(rows: rows, columns: columns))
      _ = ConsoleRenderer.render(console, rows: rows, columns: columns)
      console.type("ъ")
    }
    #expect(console.value(of: .firstName) == "Щёкинъъъ")
    #expect(console.screen.cursor != nil)
  }

  @Test("every row fits its width and no wide character is split", arguments: [80, 81, 111, 140])
  func rowsFit(columns: Int) {
    var console = makeConsole()
    console.type(String(repeating: "中", count: 60))
    _ = console.handle(.resized(rows: 24, columns: columns))
    _ = console.handle(
      .leadQueued(
        makeEntry(
          id: "e1", minute: 9,
          lead: Lead(
            firstName: String(repeating: "名", count: 40), phone: "+7 912 345-67-89"))))
    let screen = ConsoleRenderer.render(console, rows: 24, columns: columns)
    for row in 0..<screen.rows {
      #expect(DisplayWidth.of(screen.text(ofRow: row)) == columns)
      for column in 0..<columns where screen[row, column].isContinuation {
        #expect(column > 0 && DisplayWidth.of(screen[row, column - 1].grapheme) == 2)
      }
    }
  }
}
