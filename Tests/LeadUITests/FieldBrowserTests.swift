import LeadCore
import LeadUI
import Testing

@Suite("Field-code browser")
struct FieldBrowserTests {
  @Test(
    "F3 and Ctrl-F open the browser over every field, base ones first",
    arguments: [
      Key.function(3), .control("f"),
    ])
  func opensOverEveryField(key: Key) throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(key)

    let browser = try #require(console.browser)
    #expect(browser.matches.count == 305)
    let screen = console.screen
    #expect(screen.text(ofRow: 1).contains("305 of 305 fields"))
    #expect(screen.text(ofRow: 2).contains("Code"))
    #expect(screen.text(ofRow: 2).contains("Label"))
    let firstRow = screen.text(ofRow: 3)
    #expect(firstRow.contains("first_name"))
    #expect(firstRow.contains("base"))
    #expect(firstRow.contains("string"))
    #expect(firstRow.contains("First name"))
    #expect(screen[3, 0].role == .selected)
    #expect(screen.cursor?.row == 1)
  }

  @Test(
    "typing filters by label, Cyrillic in any case, and the detail shows the hint",
    arguments: ["гор", "ГОР", "Гор", "род"])
  func cyrillicFilter(query: String) throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.function(3))
    console.type(query)

    let browser = try #require(console.browser)
    let city = try #require(console.outline.index(ofCode: "city"))
    #expect(browser.matches == [city])
    let screen = console.screen
    let cityRow = try #require(row(containing: "Город", in: screen))
    #expect(screen.text(ofRow: cityRow).contains("city"))
    #expect(screen.text(ofRow: cityRow).contains("contact"))
    #expect(screen[cityRow, 0].role == .selected)
    #expect(screen.text.contains("Hint: Город клиента"))
    #expect(screen.text(ofRow: 1).contains("1 of 305 fields"))
  }

  @Test(
    "typing filters by code or label in Latin letters",
    arguments: [
      ("deliv", ["delivery_address"]), ("CITY", ["city"]), ("mail", ["email"]),
      ("d_field_29", (290...299).map { "d_field_\($0)" }),
    ])
  func latinFilter(query: String, codes: [String]) throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.function(3))
    console.type(query)

    let browser = try #require(console.browser)
    #expect(browser.matches.map { console.outline.fields[$0].code } == codes)
  }

  @Test("Backspace edits the filter; with nothing matching, Enter stays in the browser")
  func backspaceWidensTheFilter() throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.function(3))
    console.type("горq")
    #expect(console.browser?.matches.isEmpty == true)
    #expect(console.screen.text.contains("No field's code or label contains \"горq\""))
    #expect(console.press(.enter).isEmpty)
    #expect(console.browser != nil)
    #expect(console.statusLine.contains("No field matches"))

    console.press(.backspace)
    #expect(console.browser?.filter.value == "гор")
    #expect(console.browser?.matches.count == 1)
    console.press(.backspace, .backspace, .backspace, .backspace)
    #expect(console.browser?.matches.count == 305)
  }

  @Test("Down, PgDn, PgUp, End and Home move the selection and it always shows")
  func navigationKeepsTheSelectionVisible() throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.function(3))
    let pageStep = FieldBrowserLayout(rows: 24, columns: 80).list.height - 1
    var expected = 0
    let moves: [(Key, (Int) -> Int)] = [
      (.down, { $0 + 1 }), (.down, { $0 + 1 }), (.pageDown, { $0 + pageStep }),
      (.pageDown, { $0 + pageStep }), (.pageDown, { $0 + pageStep }), (.up, { $0 - 1 }),
      (.pageUp, { $0 - pageStep }), (.end, { _ in 304 }), (.pageDown, { _ in 304 }),
      (.pageUp, { $0 - pageStep }), (.home, { _ in 0 }), (.up, { _ in 0 }),
    ]
    for (key, step) in moves {
      console.press(key)
      expected = step(expected)
      let browser = try #require(console.browser)
      #expect(browser.selection == expected, "after \(key.label)")
      let code = console.outline.fields[browser.matches[expected]].code
      let screen = console.screen
      let selectedRows = rows(in: screen, column: 0, role: .selected)
      #expect(selectedRows.count == 1, "after \(key.label)")
      let shown = selectedRows.first.map { screen.text(ofRow: $0) } ?? ""
      #expect(shown.hasPrefix(" \(code) "), "after \(key.label): \(shown)")
    }
  }

  @Test("Enter jumps to the field: the form scrolls to it and the cursor is in its box")
  func enterJumpsToTheField() throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.function(3))
    console.type("гор")
    console.press(.enter)

    #expect(console.browser == nil)
    #expect(console.focusedField.code == "city")
    let screen = console.screen
    let cityRow = try #require(row(containing: "Город", in: screen))
    #expect(screen.cursor?.row == cityRow)
    #expect(screen.text(ofRow: cityRow + 1).contains("Город клиента"))
    #expect(row(containing: "First name", in: screen) == nil)
    #expect(screen[cityRow, 0].grapheme == "┃" || screen[cityRow, 0].grapheme == "│")

    console.type("Санкт-Петербург")
    #expect(console.value(ofCode: "city") == "Санкт-Петербург")
    #expect(console.screen.text(ofRow: cityRow).contains("Санкт-Петербург"))
  }

  @Test("Esc returns to the form with the focus where it was")
  func escapeReturns() throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.tab, .tab)
    console.press(.control("f"))
    console.type("deliv")
    console.press(.down, .escape)
    #expect(console.browser == nil)
    #expect(console.focus == .phone)
    #expect(console.screen.text.contains("First name"))
  }

  @Test("in the browser letters filter and never run commands or reach the form")
  func lettersOnlyFilter() throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.function(3))
    let effects = console.press(.character("q"), .character("s"), .control("s"), .function(2))
    #expect(effects.isEmpty)
    #expect(console.browser?.filter.value == "qs")
    #expect(console.value(of: .firstName).isEmpty)
  }

  @Test("the detail area shows type, group, format and options of the selected field")
  func detailArea() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.press(.function(3))
    console.type("visit")
    var screen = console.screen
    #expect(screen.text.contains("Visit date — visit_date"))
    #expect(screen.text.contains("type date · group deal · sent as dd/MM/yyyy"))

    console.press(.backspace, .backspace, .backspace, .backspace, .backspace)
    console.type("source")
    screen = console.screen
    #expect(screen.text.contains("type select · group deal"))
    #expect(screen.text.contains("Options: site (Сайт), call (Звонок), ad (Реклама), partner"))
  }
}
