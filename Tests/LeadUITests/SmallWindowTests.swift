import Foundation
import LeadCore
import LeadUI
import Testing

@Suite("SmallWindow")
struct SmallWindowTests {
  /// The last line of the message: the quit keys of the form's key map.
  private let quits =
    makeConsole().keyMap.keys(for: .quit).map(\.label).joined(separator: "/")
    + " quits"

  /// The screen's non-blank rows, trimmed.
  private func shownLines(_ screen: ScreenBuffer) -> [String] {
    (0..<screen.rows).map { screen.text(ofRow: $0).trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  @Test(
    "below 80×24 the panes give way to the message naming both sizes",
    arguments: [(23, 80), (24, 79), (16, 60), (20, 70), (23, 200), (60, 79)])
  func messageBelowMinimum(rows: Int, columns: Int) throws {
    var console = makeConsole()
    console.type("Пётр")
    let screen = ConsoleRenderer.render(console, rows: rows, columns: columns)
    let text = screen.text

    #expect(text.contains("Window too small"))
    #expect(text.contains("\(columns)×\(rows)"))
    #expect(text.contains("80×24"))
    #expect(!text.contains("First name"))
    #expect(!text.contains(ConsoleRenderer.productName))
    #expect(screen.cursor == nil)
  }

  @Test("at 80×24 and above the form is drawn", arguments: [(24, 80), (24, 81), (30, 120)])
  func formAtMinimum(rows: Int, columns: Int) {
    let screen = ConsoleRenderer.render(makeConsole(), rows: rows, columns: columns)
    #expect(screen.text.contains("First name"))
    #expect(!screen.text.contains("Window too small"))
  }

  @Test("the message is centred both ways")
  func centred() throws {
    let screen = ConsoleRenderer.render(makeConsole(), rows: 11, columns: 60)
    let rows = (0..<11).filter {
      !screen.text(ofRow: $0).trimmingCharacters(in: .whitespaces).isEmpty
    }
    let first = try #require(rows.first)
    let last = try #require(rows.last)

    #expect(first == 11 - 1 - last || first == 11 - 2 - last)
    for row in rows {
      let line = screen.text(ofRow: row)
      let leading = line.prefix { $0 == " " }.count
      let trailing = line.reversed().prefix { $0 == " " }.count
      #expect(abs(leading - trailing) <= 1, "row \(row): \"\(line)\"")
    }
    #expect(screen[first, screen.text(ofRow: first).prefix { $0 == " " }.count].role == .warning)
  }

  @Test("at 20×5 every line fits: title, sizes, advice and the quit keys")
  func twentyByFive() {
    let screen = ConsoleRenderer.render(makeConsole(), rows: 5, columns: 20)
    #expect(
      shownLines(screen) == [
        "Window too small", "20×5, needs 80×24", "Enlarge it to go on", quits,
      ])
  }

  @Test(
    "fewer rows keep the most useful lines in their order",
    arguments: [
      (3, ["Window too small", "20×3, needs 80×24", nil]),
      (2, ["Window too small", "20×2, needs 80×24"]),
      (1, ["Window too small"]),
    ])
  func fewerRows(rows: Int, expected: [String?]) {
    let screen = ConsoleRenderer.render(makeConsole(), rows: rows, columns: 20)
    #expect(shownLines(screen) == expected.map { $0 ?? quits })
  }

  @Test("a wide but short window gets the long wording")
  func longWording() {
    let lines = SmallWindow.lines(rows: 10, columns: 79, quitHint: "F10 quits")
    #expect(
      lines == [
        "Window too small", "It is 79×10; it needs at least 80×24.",
        "Enlarge the window to go on; nothing typed is lost.", "F10 quits",
      ])
  }

  @Test("after a first quit key over a typed lead the message repeats the question")
  func pendingQuit() {
    var console = makeConsole()
    console.type("Ия")
    _ = console.handle(.resized(rows: 12, columns: 100))
    console.press(.function(10))
    let screen = ConsoleRenderer.render(console, rows: 12, columns: 100)

    #expect(console.isQuitPending)
    #expect(screen.text.contains("press the quit key again"))
    #expect(!screen.text.contains(quits))
  }

  @Test("while the window is too small, typing goes on but nothing is sent or cleared unseen")
  func sendingWaitsForALargerWindow() {
    var console = makeConsole()
    console.type("Ия")
    console.press(.tab, .tab)
    console.press(.paste("8 900 444 33 22"))
    _ = console.handle(.resized(rows: 20, columns: 60))
    #expect(console.press(.function(2)).isEmpty)
    #expect(console.press(.control("s")).isEmpty)
    console.press(.function(8), .function(8))
    #expect(console.value(of: .phone) == "8 900 444 33 22")

    _ = console.handle(.resized(rows: 24, columns: 80))
    #expect(console.press(.function(2)).count == 1)
    _ = console.handle(.resized(rows: 5, columns: 20))
    #expect(console.press(.function(10)) == [.quit])
  }

  @Test(
    "every size down to nothing renders whole, with no cell wider than the screen",
    arguments: [(0, 0), (1, 1), (1, 2), (2, 1), (5, 20), (-1, 5), (3, 0), (23, 79)])
  func anySize(rows: Int, columns: Int) {
    var console = makeConsole()
    console.type("中文 Ёж")
    let screen = ConsoleRenderer.render(console, rows: rows, columns: columns)
    #expect(screen.cells.count == max(0, rows) * max(0, columns))
    for row in 0..<screen.rows {
      #expect(DisplayWidth.of(screen.text(ofRow: row)) == screen.columns)
    }
    #expect(screen.cursor == nil)
  }

  @Test("typing goes on into the focused field while the window is small, and shows after")
  func typingKeptThroughSmallWindow() throws {
    var console = makeConsole()
    console.type("Щёкин")
    for (rows, columns) in [(5, 20), (1, 1), (0, 0), (23, 79)] {
      _ = console.handle(.resized(rows: rows, columns: columns))
      _ = ConsoleRenderer.render(console, rows: rows, columns: columns)
      console.type("ъ")
    }
    _ = console.handle(.resized(rows: 24, columns: 80))
    let screen = console.screen

    #expect(console.value(of: .firstName) == "Щёкинъъъъ")
    #expect(console.focus == .firstName)
    let nameRow = try #require(row(containing: "First name", in: screen))
    #expect(screen.text(ofRow: nameRow).contains("Щёкинъъъъ"))
    #expect(screen.cursor?.row == nameRow)
  }
}
