import Foundation
import LeadCore
import LeadUI
import Testing

/// What the console is told about a schema file it could not use.
let brokenSchemaMessage =
  "Schema not used, base fields only: /home/operator/.config/gentleman-lead-console/"
  + "schema.json:3:14: field 2 (\"colour\"): unknown type \"colour\" (and 1 more problem)"

/// Every screen the schema brings, by name, built from a 300-field schema.
enum SchemaScreen: String, CaseIterable, Sendable {
  case longForm, focusDeepInForm, browser, filteredBrowser, emptyBrowser, pickList, preview
  case previewDeepInForm, brokenSchema

  /// The console showing this screen.
  func console(rows: Int = 24, columns: Int = 80) throws -> ConsoleState {
    let schema = try generatedSchema()
    var console = makeConsole(schema: schema, rows: rows, columns: columns)
    switch self {
    case .longForm:
      console.type("Пётр 中文")
    case .focusDeepInForm:
      console.press(.function(3), .end, .enter)
      console.type(String(repeating: "名", count: 60))
    case .browser:
      console.press(.function(3), .pageDown)
    case .filteredBrowser:
      console.press(.function(3))
      console.type("гор")
    case .emptyBrowser:
      console.press(.function(3))
      console.type("нет такого")
    case .pickList:
      console.focus(code: "c_field_004")
      console.type("а")
    case .preview:
      console.fillForm([.phone: "+7 912 345-67-89", .comment: String(repeating: "中文", count: 40)])
      console.press(.function(6))
    case .previewDeepInForm:
      console.fillForm([.phone: "+7 912 345-67-89"])
      console.press(.function(6), .function(3), .end, .enter)
      console.type("конец")
    case .brokenSchema:
      console = makeConsole(
        schema: Schema(), notice: brokenSchemaMessage, rows: rows, columns: columns)
      console.type("Иван")
    }
    return console
  }
}

@Suite("Schema screens")
struct SchemaScreenTests {
  @Test(
    "every new screen fits 80×24: full-width rows, no split wide character, F-keys kept",
    arguments: SchemaScreen.allCases)
  func fitsStandardScreen(screenKind: SchemaScreen) throws {
    let console = try screenKind.console()
    let screen = ConsoleRenderer.render(console, rows: 24, columns: 80)
    for row in 0..<24 {
      #expect(DisplayWidth.of(screen.text(ofRow: row)) == 80, "row \(row)")
      for column in 0..<80 where screen[row, column].isContinuation {
        #expect(column > 0 && DisplayWidth.of(screen[row, column - 1].grapheme) == 2)
      }
    }
    let keyBar = screen.text(ofRow: 23)
    #expect(keyBar.contains("F10/^Q/^C Quit"), "\(keyBar)")
    let cursor = try #require(screen.cursor)
    #expect(cursor.row >= 1 && cursor.row < 22 && cursor.column < 80)
  }

  @Test(
    "every new screen renders at tiny and odd sizes without trapping",
    arguments: SchemaScreen.allCases)
  func tinySizes(screenKind: SchemaScreen) throws {
    for (rows, columns) in [(0, 0), (1, 1), (0, 80), (24, 0), (15, 80), (16, 60), (24, 59)] {
      var console = try screenKind.console(rows: rows, columns: columns)
      let screen = ConsoleRenderer.render(console, rows: rows, columns: columns)
      #expect(screen.cells.count == max(0, rows) * max(0, columns))
      console.type("ж")
      console.press(.down, .pageDown, .enter, .escape)
      _ = console.handle(.resized(rows: 24, columns: 80))
      _ = ConsoleRenderer.render(console, rows: 24, columns: 80)
    }
  }

  @Test("a broken schema's notice shows in the form and on the status line; the base form works")
  func brokenSchemaNotice() throws {
    var console = try SchemaScreen.brokenSchema.console()
    #expect(console.outline.fields.count == 5)
    #expect(console.statusLine == brokenSchemaMessage)
    #expect(console.status.role == .warning)
    let screen = console.screen
    let first = try #require(row(containing: "Schema not used, base fields only:", in: screen))
    #expect(first > (row(containing: "Comment", in: screen) ?? 24))
    let shown = (first..<(first + 4)).map { screen.text(ofRow: $0) }
    #expect(shown.contains { $0.contains("unknown type \"colour\"") })
    #expect(shown[3].contains("(and 1 more problem)"))
    #expect(shown.allSatisfy { $0.trimmingCharacters(in: .whitespaces).count <= 54 })
    #expect(screen[first, 2].role == .warning)
    #expect(row(containing: "History", in: screen) != nil)

    console.press(.tab, .tab)
    console.type("+7 912 345-67-89")
    #expect(
      console.press(.function(2)) == [.submit(Lead(firstName: "Иван", phone: "+7 912 345-67-89"))])
  }

  @Test("a notice of many lines shows its first ones and says how many more there are")
  func longNotice() throws {
    let notice = (1...9).map { "schema.json:\($0):1: problem \($0)" }.joined(separator: "\n")
    let console = makeConsole(schema: Schema(), notice: notice, rows: 30)
    let screen = ConsoleRenderer.render(console, rows: 30, columns: 80)
    let first = try #require(row(containing: "problem 1", in: screen))
    #expect(screen.text(ofRow: first + 4).contains("problem 5"))
    #expect(screen.text(ofRow: first + 5).contains("… 4 more lines: lead-console schema check"))
    // The form's notice stops at five lines; the status line (the last rows above the key
    // bar) says the whole of it in one message.
    let formRows = (0..<(30 - 2 - ConsoleRenderer.statusRowsAtMost))
    #expect(!formRows.contains { screen.text(ofRow: $0).contains("problem 6") })
  }

  @Test("the key bar follows the focus and fits 80 columns, dropping Next and Prev first")
  func keyBars() throws {
    var console = makeConsole(schema: try sampleSchema())
    let bar = { (console: ConsoleState) in console.screen.text(ofRow: 23) }
    #expect(bar(console).contains("F1/^G Help"))
    #expect(bar(console).contains("F4/^R History"))
    #expect(!bar(console).contains("Tab/↓/Enter Next"))
    // The other screens' keys come before Next and Prev, so they need a wider screen.
    let wide = ConsoleRenderer.render(console, rows: 24, columns: 120).text(ofRow: 23)
    #expect(wide.contains("F9/^O Settings"))
    let wider = ConsoleRenderer.render(console, rows: 24, columns: 160).text(ofRow: 23)
    #expect(wider.contains("Tab/↓/Enter Next"))
    console.focus(code: "source")
    #expect(bar(console).hasPrefix(" F2/^S Send  F10/^Q/^C Quit  Enter Choose  F1/^G Help"))
    console.press(.enter)
    #expect(bar(console).contains("Enter Pick"))
    #expect(bar(console).contains("Esc Back"))
    console.press(.escape, .function(3))
    #expect(
      bar(console).hasPrefix(" F10/^Q/^C Quit  Enter Go to  Esc/F3/^F Back  F1/^G Help  F6/^P"))
    console.press(.escape, .function(6))
    #expect(bar(console).contains("F7/Alt-c Copy curl"))
    #expect(bar(console).contains("F10/^Q/^C Quit"))
  }

  @Test("a long form shows a scroll bar whose thumb moves with the focus")
  func scrollBar() throws {
    var console = makeConsole(schema: try generatedSchema())
    let top = rows(in: console.screen, column: 0, role: .label)
    #expect(top.first == 2)
    console.press(.function(3), .end, .enter)
    let bottom = rows(in: console.screen, column: 0, role: .label)
    #expect(bottom.last == 16)
    #expect(console.screen[2, 0].grapheme == "│")
  }
}
