import LeadCore
import LeadUI
import Testing

/// Columns of a regional-indicator flag as the console measures it (glibc's `wcwidth` of its
/// first letter); the cursor must agree with the same measure.
private let flag = DisplayWidth.of(Character("🇷🇺"))

/// One kind of text in First name, and what the editing keys leave of it: texts and cursor
/// columns (counted from the start of the input box) written out by hand.
struct EditingCase: Sendable, CustomTestStringConvertible {
  var kind: String
  /// Two words: what is typed.
  var text: String
  /// Its width in columns.
  var columns: Int
  /// The text after Ctrl-W at the end, and the cursor's column then.
  var afterCutWord: (text: String, column: Int)
  /// The cursor's column after Ctrl-Right from the start.
  var firstWordEnd: Int
  /// The text after Backspace at the end, and the cursor's column then.
  var afterBackspace: (text: String, column: Int)

  var testDescription: String { kind }

  static let all: [EditingCase] = [
    EditingCase(
      kind: "Cyrillic with ё and Ё", text: "Пётр Ёлкин", columns: 10,
      afterCutWord: ("Пётр ", 5), firstWordEnd: 4, afterBackspace: ("Пётр Ёлки", 9)),
    EditingCase(
      kind: "Latin with precomposed accents", text: "Café Noël", columns: 9,
      afterCutWord: ("Café ", 5), firstWordEnd: 4, afterBackspace: ("Café Noë", 8)),
    EditingCase(
      kind: "Latin with combining marks", text: "Cafe\u{301} Noe\u{308}l", columns: 9,
      afterCutWord: ("Cafe\u{301} ", 5), firstWordEnd: 4,
      afterBackspace: ("Cafe\u{301} Noe\u{308}", 8)),
    EditingCase(
      kind: "CJK, two columns each", text: "北京 市场", columns: 9,
      afterCutWord: ("北京 ", 5), firstWordEnd: 4, afterBackspace: ("北京 市", 7)),
    EditingCase(
      kind: "emoji built with ZWJ", text: "мама👩‍💻 папа👨‍👩‍👧", columns: 13,
      afterCutWord: ("мама👩‍💻 ", 7), firstWordEnd: 4, afterBackspace: ("мама👩‍💻 папа", 11)),
    EditingCase(
      kind: "flags", text: "Россия🇷🇺 USA🇺🇸", columns: 6 + flag + 1 + 3 + flag,
      afterCutWord: ("Россия🇷🇺 ", 6 + flag + 1), firstWordEnd: 6,
      afterBackspace: ("Россия🇷🇺 USA", 6 + flag + 4)),
  ]
}

@Suite("editing keys on the screen")
struct EditingKeysTests {
  /// A console with `text` typed into First name, and the column where its box starts.
  private func typed(_ text: String) throws -> (ConsoleState, Int) {
    var console = makeConsole()
    let start = try #require(console.screen.cursor).column
    console.type(text)
    return (console, start)
  }

  /// The screen's cursor column, counted from the start of the box.
  private func column(_ console: ConsoleState, from start: Int) -> Int? {
    console.screen.cursor.map { $0.column - start }
  }

  /// The row First name is drawn on.
  private func firstNameRow(_ console: ConsoleState) -> String {
    row(containing: "First name", in: console.screen).map { console.screen.text(ofRow: $0) } ?? ""
  }

  @Test("typing puts the cursor after the text, by display width", arguments: EditingCase.all)
  func typing(example: EditingCase) throws {
    let (console, start) = try typed(example.text)
    #expect(console.value(of: .firstName) == example.text)
    #expect(column(console, from: start) == example.columns)
    #expect(firstNameRow(console).contains(example.text))
  }

  @Test("Ctrl-W cuts the last word, Ctrl-Y puts it back", arguments: EditingCase.all)
  func cutWordAndPaste(example: EditingCase) throws {
    var (console, start) = try typed(example.text)
    console.press(.control("w"))
    #expect(console.value(of: .firstName) == example.afterCutWord.text)
    #expect(column(console, from: start) == example.afterCutWord.column)

    console.press(.control("y"))
    #expect(console.value(of: .firstName) == example.text)
    #expect(column(console, from: start) == example.columns)
  }

  @Test("Ctrl-_ takes back a cut", arguments: EditingCase.all)
  func undoACut(example: EditingCase) throws {
    var (console, start) = try typed(example.text)
    console.press(.control("w"), .control("_"))
    #expect(console.value(of: .firstName) == example.text)
    #expect(column(console, from: start) == example.columns)
    console.press(.control("_"))
    #expect(console.value(of: .firstName).isEmpty)
    #expect(column(console, from: start) == 0)
  }

  @Test(
    "Ctrl-Left and Alt-B go a word left, Ctrl-Right and Alt-F a word right",
    arguments: EditingCase.all)
  func wordMoves(example: EditingCase) throws {
    for (left, right) in [(Key.controlLeft, Key.controlRight), (.alt("b"), .alt("f"))] {
      var (console, start) = try typed(example.text)
      console.press(left)
      #expect(column(console, from: start) == example.afterCutWord.column)
      console.press(left)
      #expect(column(console, from: start) == 0)
      console.press(right)
      #expect(column(console, from: start) == example.firstWordEnd)
      #expect(console.value(of: .firstName) == example.text)
    }
  }

  @Test("Ctrl-U cuts to the start, Home then Ctrl-K to the end", arguments: EditingCase.all)
  func cutLine(example: EditingCase) throws {
    var (console, start) = try typed(example.text)
    console.press(.control("u"))
    #expect(console.value(of: .firstName).isEmpty)
    #expect(column(console, from: start) == 0)
    console.press(.control("y"), .home, .control("k"))
    #expect(console.value(of: .firstName).isEmpty)
    console.press(.control("y"))
    #expect(console.value(of: .firstName) == example.text)
  }

  @Test("Backspace erases one whole character", arguments: EditingCase.all)
  func backspace(example: EditingCase) throws {
    var (console, start) = try typed(example.text)
    console.press(.backspace)
    #expect(console.value(of: .firstName) == example.afterBackspace.text)
    #expect(column(console, from: start) == example.afterBackspace.column)
  }

  @Test(
    "Backspace works whatever the terminal sends for it",
    arguments: ["\u{7F}", "\u{08}"])
  func backspaceCodes(sent: String) {
    var console = makeConsole()
    console.type("Пётр")
    for key in KeySequenceDecoder.decode(typed: sent) { console.press(key) }
    #expect(console.value(of: .firstName) == "Пёт")
  }

  @Test("cuts in a row gather, and Ctrl-Y pastes them into another field")
  func killBufferIsSharedAndGathers() {
    var console = makeConsole()
    console.type("Анна Мария Ёлкина")
    console.press(.control("w"), .control("w"))
    #expect(console.value(of: .firstName) == "Анна ")
    console.press(.tab)
    console.press(.control("y"))
    #expect(console.value(of: .lastName) == "Мария Ёлкина")

    // Another key came between: the next cut starts afresh.
    console.press(.backTab, .control("w"))
    #expect(console.killBuffer.text == "Анна ")
    #expect(console.value(of: .firstName).isEmpty)
  }

  @Test("a cut from the API key is never offered to Ctrl-Y")
  func keyCutsStayPrivate() {
    var console = makeConsole()
    console.type("Иван")
    console.press(.control("w"))
    console.press(.function(9))
    console.press(.paste("secret-key-12345"))
    console.press(.control("u"))
    #expect(console.settings?.keyLength == 0)
    console.press(.escape, .control("y"))
    #expect(console.value(of: .firstName) == "Иван")
  }

  @Test("the settings endpoint takes the same editing keys")
  func settingsEndpointEditing() {
    var console = makeConsole()
    console.press(.function(9), .tab)
    console.press(.control("w"))
    #expect(console.settings?.endpoint.value == "http://127.0.0.1:8080/api/")
    console.press(.control("_"))
    #expect(console.settings?.endpoint.value == "http://127.0.0.1:8080/api/site/")
    console.press(.alt("b"), .alt("b"), .control("k"))
    #expect(console.settings?.endpoint.value == "http://127.0.0.1:8080/")
  }

  @Test(
    "a long field of wide characters scrolls at the box edge without cutting one in half",
    arguments: ["中", "👨‍👩‍👧"])
  func wideCharactersScrollWhole(character: String) throws {
    var console = makeConsole()
    let start = try #require(console.screen.cursor).column
    let box = 80 - start - 1
    console.type("a" + String(repeating: character, count: box))
    for _ in 0..<(box + 2) {
      let screen = console.screen
      let cursor = try #require(screen.cursor).column - start
      #expect(cursor >= 0 && cursor < box)
      let cell = screen[try #require(screen.cursor).row, start + cursor]
      #expect(!cell.isContinuation, "the cursor sits on the right half of a wide character")
      let shown = try #require(firstNameRow(console).split(separator: " ").dropFirst(2).first)
      #expect(shown.allSatisfy { "a‹›".contains($0) || String($0) == character })
      console.press(.left)
    }
    console.press(.home)
    #expect(column(console, from: start) == 0)
    console.press(.end, .control("w"))
    #expect(console.value(of: .firstName).isEmpty)
    #expect(column(console, from: start) == 0)
    console.press(.control("_"))
    #expect(console.value(of: .firstName) == "a" + String(repeating: character, count: box))
    let end = try #require(column(console, from: start))
    #expect(end > box - 3 && end < box)
  }
}
