import LeadCore
import LeadUI
import Testing

@Suite("Status area: one row, or up to three for a long message")
struct StatusAreaTests {
  /// The text of a screen row with the margins trimmed.
  private func row(_ screen: ScreenBuffer, _ number: Int) -> String {
    screen.text(ofRow: number).trimmingCharacters(in: .whitespaces)
  }

  @Test(
    "the quit question over waiting and uncertain leads and a typed lead is read in full",
    arguments: InterfaceLanguage.allCases)
  func quitQuestionInFull(language: InterfaceLanguage) {
    var console = makeConsole(language: language, entries: paneEntries)
    console.type("Иван")
    console.press(.function(10))
    let screen = console.screen

    #expect(row(screen, 21) + " " + row(screen, 22) == console.statusLine)
    #expect(!screen.text.contains("…"))
    #expect(screen.text(ofRow: 23).contains("F10/^Q/^C"))
  }

  @Test("a message that fits keeps to the status row and leaves the pane above it whole")
  func shortMessageTakesOneRow() {
    var console = makeConsole(language: .english, entries: paneEntries)
    let paneRow = console.screen.text(ofRow: 21)
    _ = console.handle(.notice("Short news"))

    #expect(console.screen.text(ofRow: 21) == paneRow)
    #expect(row(console.screen, 22) == "Short news")
  }

  @Test("a message longer than three rows is cut at the end of the third, the key bar kept")
  func overlongMessageIsCutOnTheThirdRow() {
    var console = makeConsole(language: .english, entries: paneEntries)
    let paneRow = console.screen.text(ofRow: 19)
    _ = console.handle(.notice(String(repeating: "word ", count: 60)))
    let screen = console.screen

    #expect(screen.text(ofRow: 19) == paneRow)
    #expect(row(screen, 20).hasPrefix("word word"))
    #expect(row(screen, 21).hasPrefix("word word"))
    #expect(row(screen, 22).hasSuffix("…"))
    #expect(screen.text(ofRow: 23).contains("F2/^S Send"))
  }

  @Test(
    "without a key the start-up status says how to get one first, whole, in its language",
    arguments: InterfaceLanguage.allCases)
  func noKeyHintFirst(language: InterfaceLanguage) {
    let notice = "Locale ru_RU.UTF-8 is not installed: text is handled as UTF-8 (C.UTF-8)."
    let console = ConsoleState(
      context: ConsoleContext(
        endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: nil, canSend: false,
        notices: [notice], language: language))
    #expect(console.statusLine.hasPrefix(language.text(.statusNoKey)))
    #expect(console.statusLine.hasSuffix(notice))
    #expect(!console.screen.text.contains("…"))
  }
}
