import LeadCore
import LeadUI
import Testing

@Suite("multi-line comment")
struct MultiLineCommentTests {
  /// A console with the focus on Comment.
  private func inComment() -> ConsoleState {
    var console = makeConsole()
    console.press(.tab, .tab, .tab, .tab)
    return console
  }

  /// The rows of the screen from Comment's label down, as text.
  private func commentRows(_ console: ConsoleState, count: Int) throws -> [String] {
    let screen = console.screen
    let first = try #require(row(containing: "Comment", in: screen))
    return (first..<(first + count)).map { screen.text(ofRow: $0) }
  }

  @Test("Alt-Enter starts a new line; Enter still moves on and sends nothing")
  func altEnterBreaksLines() throws {
    var console = inComment()
    console.type("Перезвонить")
    console.press(.altEnter)
    console.type("после 18:00")
    #expect(console.value(of: .comment) == "Перезвонить\nпосле 18:00")
    let rows = try commentRows(console, count: 2)
    #expect(rows[0].contains("Перезвонить"))
    #expect(rows[1].contains("после 18:00"))
    let cursor = try #require(console.screen.cursor)
    let start = try #require(rows[1].range(of: "после"))
    #expect(cursor.column == rows[1].distance(from: rows[1].startIndex, to: start.lowerBound) + 11)

    #expect(console.press(.enter).isEmpty)
    #expect(console.focus == .firstName)
    #expect(console.value(of: .comment) == "Перезвонить\nпосле 18:00")
  }

  @Test("Alt-Enter does nothing in a one-line field, and Ctrl-J is never a line break")
  func lineBreaksOnlyInTheComment() {
    var console = makeConsole()
    console.type("Иван")
    console.press(.altEnter)
    #expect(console.value(of: .firstName) == "Иван")
    #expect(KeyMap.standard(for: .multiLineField).command(for: .control("j")) == nil)
  }

  @Test("the key bar shows Alt-Enter while the comment has the focus")
  func keyBarShowsAltEnter() {
    var console = makeConsole()
    #expect(!console.screen.text(ofRow: 23).contains("Alt-Enter New line"))
    console.press(.tab, .tab, .tab, .tab)
    #expect(console.screen.text(ofRow: 23).contains("Alt-Enter New line"))
  }

  @Test("Up and Down move between the comment's lines and leave it from the first or last")
  func upAndDownMoveBetweenLines() {
    var console = inComment()
    console.press(.paste("один\nдва три\nчетыре"))
    console.press(.up)
    #expect(console.focus == .comment)
    #expect(console.textField(.comment).cursor == "один\nдва ".count + 2)
    console.press(.up, .up)
    #expect(console.focus == .email)
    console.press(.down, .end)
    #expect(console.focus == .comment)
    console.press(.down, .down)
    #expect(console.focus == .comment)
    console.press(.down)
    #expect(console.focus == .firstName)
  }

  @Test("the box grows a row per line up to four, then scrolls with the cursor")
  func boxGrowsThenScrolls() throws {
    var console = inComment()
    let historyTop = { (console: ConsoleState) in
      row(containing: "History", in: console.screen) ?? 0
    }
    let before = historyTop(console)
    console.type("1")
    for line in 2...6 {
      console.press(.altEnter)
      console.type("\(line)")
    }
    let rows = try commentRows(console, count: 4)
    #expect(rows.map { $0.contains("3") } == [true, false, false, false])
    #expect(rows[3].contains("6"))
    #expect(rows[0].contains("↑"))
    #expect(before > 0)
    #expect(historyTop(console) == before + 3)
    let cursor = try #require(console.screen.cursor)
    #expect(console.screen.text(ofRow: cursor.row).contains("6"))

    console.press(.up, .up, .up, .up)
    let scrolled = try commentRows(console, count: 4)
    #expect(scrolled[0].contains("2"))
    #expect(scrolled[3].contains("5"))
    #expect(scrolled[3].contains("↓"))
  }

  @Test("a long line wraps at the box edge without cutting a wide character")
  func longLineWraps() throws {
    var console = inComment()
    let start = try #require(console.screen.cursor)
    let box = 80 - start.column - 1
    console.type(String(repeating: "中", count: box / 2 + 8))
    let rows = try commentRows(console, count: 2)
    let first = try #require(rows[0].split(separator: " ").last)
    let second = try #require(rows[1].split(separator: " ").last)
    #expect(first.count == box / 2)
    #expect(second.count == 8)
    let cursor = try #require(console.screen.cursor)
    #expect(cursor.row == start.row + 1)
    #expect(cursor.column == start.column + 16)
  }

  @Test("a paste keeps its line breaks in the comment and makes them spaces elsewhere")
  func pastedLineBreaks() {
    var console = makeConsole()
    console.press(.paste("Иван\nПетров"))
    #expect(console.value(of: .firstName) == "Иван Петров")
    console.press(.tab, .tab, .tab, .tab)
    let effects = console.press(.paste("перезвонить\nпосле 18:00\n"))
    #expect(effects.isEmpty)
    #expect(console.value(of: .comment) == "перезвонить\nпосле 18:00\n")
  }

  @Test("the line breaks reach the request as typed, %0A in the encoded body")
  func lineBreaksAreSent() throws {
    var console = makeConsole()
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.press(.backTab)
    console.type("строка 1")
    console.press(.altEnter)
    console.type("line 2")
    let lead = try console.checkedLead()
    #expect(lead.comment == "строка 1\nline 2")
    let body = FormEncoder.encode(lead.formPairs(key: APIKey("k")))
    #expect(body.hasSuffix("&comment=%D1%81%D1%82%D1%80%D0%BE%D0%BA%D0%B0+1%0Aline+2"))
  }

  @Test("Ctrl-K at the end of a line joins the next one; Ctrl-U at a line's start joins back")
  func cutsAcrossLines() {
    var console = inComment()
    console.press(.paste("раз\nдва"))
    console.press(.up, .end, .control("k"))
    #expect(console.value(of: .comment) == "раздва")
    console.press(.control("_"), .down, .home, .control("u"))
    #expect(console.value(of: .comment) == "раздва")
    console.press(.control("_"))
    #expect(console.value(of: .comment) == "раз\nдва")
  }

  @Test("a lead put back into the form keeps its comment's line breaks, as LF")
  func fillKeepsLineBreaks() {
    var console = makeConsole()
    let lead = Lead(firstName: "Иван\nИванович", phone: "+7 912 345-67-89", comment: "а\r\nб\nв")
    _ = console.handle(.queueFailed(lead: lead, message: "the disk is full"))
    #expect(console.value(of: .comment) == "а\nб\nв")
    #expect(console.value(of: .firstName) == "Иван Иванович")
  }
}
