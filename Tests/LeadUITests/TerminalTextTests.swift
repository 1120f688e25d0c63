import LeadUI
import Testing

@Suite("DisplayWidth")
struct DisplayWidthTests {
  @Test(
    "characters measure as the terminal draws them",
    arguments: [
      ("a", 1),
      ("ё", 1),
      ("e\u{301}", 1),
      ("中", 2),
      ("😀", 2),
      ("👩‍💻", 2),
      ("\u{301}", 0),
      ("\u{1B}", 2),
      ("\u{7F}", 2),
      ("\u{9B}", 1),
    ] as [(Character, Int)])
  func characterWidths(character: Character, columns: Int) {
    #expect(DisplayWidth.of(character) == columns)
  }

  @Test(
    "a string's width is the sum of its characters'",
    arguments: [
      ("Пётр", 4),
      ("Иван 中文", 9),
      ("", 0),
    ])
  func stringWidths(text: String, columns: Int) {
    #expect(DisplayWidth.of(text) == columns)
  }

  @Test(
    "truncation fits the width and marks the cut with an ellipsis",
    arguments: [
      ("Петров", 10, "Петров"),
      ("Петров", 4, "Пет…"),
      ("中文字", 4, "中…"),
      ("中文字", 1, "…"),
      ("abc", 0, ""),
    ])
  func truncation(text: String, width: Int, expected: String) {
    let cut = DisplayWidth.truncated(text, toWidth: width)
    #expect(cut == expected)
    #expect(DisplayWidth.of(cut) <= max(0, width))
  }

  @Test(
    "wrapping breaks between words, then inside words too long for a line",
    arguments: [
      ("схема не загружена", 10, ["схема не", "загружена"]),
      ("a b\nc", 10, ["a b", "c"]),
      ("schema.json:3:14", 6, ["schema", ".json:", "3:14"]),
      ("中文字 ab", 3, ["中", "文", "字", "ab"]),
      ("", 5, [""]),
      ("abc", 0, []),
    ])
  func wrapping(text: String, width: Int, expected: [String]) {
    let lines = DisplayWidth.wrapped(text, toWidth: width)
    #expect(lines == expected)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
  }
}

@Suite("TerminalText")
struct TerminalTextTests {
  @Test(
    "control characters become visible stand-ins",
    arguments: [
      ("\u{1B}[2J", "^[[2J"),
      ("a\u{00}b", "a^@b"),
      ("\u{7F}", "^?"),
      ("x\u{9B}31m", "x\u{FFFD}31m"),
      ("\u{202E}evil", "\u{FFFD}evil"),
      ("Иван", "Иван"),
    ])
  func neutralisesControls(raw: String, shown: String) {
    #expect(TerminalText.neutralised(raw) == shown)
  }

  @Test(
    "single-line text turns tabs and line breaks into spaces",
    arguments: [
      ("one\r\ntwo", "one two"),
      ("a\tb\nc", "a b c"),
      ("end\u{1B}]0;title\u{07}", "end^[]0;title^G"),
    ])
  func singleLine(raw: String, shown: String) {
    #expect(TerminalText.singleLine(raw) == shown)
  }

  @Test("nothing neutralised contains a control scalar")
  func neutralisedHasNoControls() {
    let hostile =
      (0..<0xA0).compactMap(Unicode.Scalar.init).map(String.init).joined()
      + "\u{2028}\u{2029}\u{200E}\u{2066}"
    let shown = TerminalText.neutralised(hostile)
    #expect(!shown.unicodeScalars.contains(where: TerminalText.isControl))
    #expect(shown.contains("^["))
  }
}
