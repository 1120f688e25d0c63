import LeadCore
import LeadUI
import Testing

@Suite("Schema fields in the form")
struct SchemaFormInputTests {
  @Test("the schema's fields follow the base fields under Contact and Deal headings")
  func groupsAndLabels() throws {
    var console = makeConsole(schema: try sampleSchema(), rows: 40)
    console.focus(code: "city")
    let screen = ConsoleRenderer.render(console, rows: 40, columns: 80)

    let comment = try #require(row(containing: "Comment", in: screen))
    let contact = try #require(row(containing: "Contact", in: screen))
    let city = try #require(row(containing: "Город", in: screen))
    let deal = try #require(row(containing: "Deal", in: screen))
    let budget = try #require(row(containing: "Budget", in: screen))
    #expect(comment < contact && contact < city && city < deal && deal < budget)
    #expect(screen.text(ofRow: contact).contains("─"))
    #expect(screen.text(ofRow: city + 1).contains("Город клиента, как он его назвал"))
    #expect(screen[city + 1, 4].role == .dim)
    #expect(
      screen.text(ofRow: try #require(row(containing: "Регион", in: screen))).contains("Москва"))
    #expect(screen.text(ofRow: try #require(row(containing: "VIP", in: screen))).contains("[x]"))
    #expect(
      screen.text(ofRow: try #require(row(containing: "Call back", in: screen))).contains("[ ]"))
  }

  @Test("a required field carries a * and blocks sending while empty")
  func requiredField() throws {
    let schema = try Schema(fields: [
      SchemaField(code: "contract", group: .deal, label: "Contract", required: true)
    ])
    var console = makeConsole(schema: schema)
    let screen = console.screen
    #expect(
      screen.text(ofRow: try #require(row(containing: "Contract", in: screen))).contains(
        "Contract *"))

    console.fillForm([.phone: "+7 912 345-67-89"])
    #expect(console.press(.function(2)).isEmpty)
    #expect(console.problems["contract"]?.contains("required") == true)
    #expect(console.focusedField.code == "contract")
    console.type("Д-17")
    let submitted = console.submittedLead()
    #expect(submitted?.extraFields == [ExtraField(code: "contract", value: "Д-17")])
  }

  @Test(
    "numbers and dates are sent normalised, in schema order after the base fields",
    arguments: [
      ("1 500,50", "05.03.2024", "2024-03-05", "1500.50", "05/03/2024", "2024-03-05"),
      ("-7", "2024-12-31", "31.12.2024", "-7", "31/12/2024", "2024-12-31"),
      ("1 000 000", "1.2.2024", "29.02.2024", "1000000", "01/02/2024", "2024-02-29"),
    ])
  func typedValuesNormalised(
    number: String, visit: String, signed: String, sentNumber: String, sentVisit: String,
    sentSigned: String
  ) throws {
    var console = makeConsole(schema: try sampleSchema())
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.focus(code: "budget")
    console.type(number)
    console.focus(code: "visit_date")
    console.type(visit)
    console.focus(code: "signed_on")
    console.type(signed)

    let submitted = console.submittedLead()

    let lead = try #require(submitted)
    #expect(lead.phone == "+7 912 345-67-89")
    #expect(
      lead.extraFields == [
        ExtraField(code: "region", value: "Москва"), ExtraField(code: "vip", value: "1"),
        ExtraField(code: "budget", value: sentNumber),
        ExtraField(code: "visit_date", value: sentVisit),
        ExtraField(code: "signed_on", value: sentSigned),
        ExtraField(code: "callback", value: "0"),
      ])
  }

  @Test("typing in a select opens its list, narrows it, and Enter picks without moving on")
  func selectNarrowsAndPicks() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.focus(code: "source")
    console.type("зв")

    let list = try #require(console.pickList)
    #expect(list.matches == [SelectOption(value: "call", label: "Звонок")])
    var screen = console.screen
    let sourceRow = try #require(row(containing: "Source", in: screen))
    #expect(screen.text(ofRow: sourceRow).contains("зв"))
    #expect(screen.text(ofRow: sourceRow + 1).contains("Звонок"))
    #expect(
      rows(in: screen, column: screen.cursor?.column ?? 0, role: .selected) == [sourceRow + 1])

    #expect(console.press(.enter).isEmpty)
    #expect(console.pickList == nil)
    #expect(console.focusedField.code == "source")
    #expect(console.value(ofCode: "source") == "call")
    screen = console.screen
    #expect(screen.text(ofRow: sourceRow).contains("Звонок"))
    let submitted = console.submittedLead()
    let lead = try #require(submitted)
    #expect(lead.extraFields.contains(ExtraField(code: "source", value: "call")))
  }

  @Test("Enter opens a select's list, Up and Down move in it, Esc closes it unchanged")
  func selectListKeys() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.focus(code: "source")
    console.press(.enter)
    #expect(console.pickList?.matches.count == 4)
    console.press(.down, .down, .up)
    #expect(console.pickList?.selected?.value == "call")
    console.press(.escape)
    #expect(console.pickList == nil)
    #expect(console.value(ofCode: "source").isEmpty)

    console.press(.enter, .end, .enter)
    #expect(console.value(ofCode: "source") == "partner")
    console.press(.enter, .delete, .left, .home)
    #expect(console.pickList?.selected?.value == "site")
    console.press(.escape)
    #expect(console.value(ofCode: "source") == "partner")
    console.press(.backspace)
    #expect(console.value(ofCode: "source").isEmpty)
    console.press(.enter)
    console.type("zzz")
    #expect(console.pickList?.matches.isEmpty == true)
    #expect(console.screen.text.contains("no option matches"))
    console.press(.enter)
    #expect(console.pickList != nil)
    console.press(.tab)
    #expect(console.pickList == nil)
    #expect(console.focusedField.code == "callback")
  }

  @Test("Space toggles a yes/no field, which is always sent as 1 or 0")
  func booleanToggles() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.fillForm([.email: "a@b.ru"])
    console.focus(code: "vip")
    #expect(console.keyMap.command(for: .character(" ")) == .toggleSwitch)
    #expect(console.screen.text(ofRow: 23).contains("Space Toggle"))
    console.press(.character(" "))
    #expect(console.isSwitchOn("vip") == false)
    console.type("x")
    #expect(console.isSwitchOn("vip") == false)
    console.focus(code: "callback")
    console.press(.character(" "))

    let submitted = console.submittedLead()

    let lead = try #require(submitted)
    #expect(lead.extraFields.contains(ExtraField(code: "vip", value: "0")))
    #expect(lead.extraFields.contains(ExtraField(code: "callback", value: "1")))
    #expect(console.isSwitchOn("vip") == true)
    #expect(console.isSwitchOn("callback") == false)
  }

  @Test("invalid values are marked in place with their messages and nothing is sent")
  func invalidValuesBlockSending() throws {
    var console = makeConsole(schema: try sampleSchema(), rows: 40)
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.focus(code: "budget")
    console.type("12 34")
    console.focus(code: "visit_date")
    console.type("31.02.2024")
    console.press(.tab)

    #expect(console.press(.function(2)).isEmpty)
    #expect(console.problems["budget"]?.hasPrefix("not a number") == true)
    #expect(console.problems["visit_date"]?.contains("February 2024 has no day 31") == true)
    #expect(console.focusedField.code == "budget")
    #expect(console.statusLine.contains("Not sent — fix Budget, Visit date"))
    let screen = ConsoleRenderer.render(console, rows: 40, columns: 80)
    let budget = try #require(row(containing: "Budget", in: screen))
    let visit = try #require(row(containing: "Visit date", in: screen))
    #expect(screen[budget, 1].grapheme == "!")
    #expect(screen[visit, 1].role == .invalid)
    #expect(screen.text(ofRow: budget + 1).contains("not a number"))
    #expect(screen.text(ofRow: visit + 1).contains("has no day 31"))

    console.press(.backspace)
    #expect(console.problems["budget"] == nil)
    #expect(console.problems["visit_date"] != nil)
  }

  @Test("defaults prefill, a cleared default is not sent, and the next form has it again")
  func defaults() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.focus(code: "region")
    #expect(console.value(ofCode: "region") == "Москва")
    console.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)

    let submitted = console.submittedLead()

    let lead = try #require(submitted)
    #expect(!lead.extraFields.contains { $0.code == "region" })
    #expect(console.value(ofCode: "region") == "Москва")
  }

  @Test("a form holding only its defaults quits at once; a toggled switch asks first")
  func quitOverDefaults() throws {
    var console = makeConsole(schema: try sampleSchema())
    #expect(console.press(.function(10)) == [.quit])
    console.focus(code: "callback")
    console.press(.character(" "))
    #expect(console.press(.function(10)).isEmpty)
    #expect(console.statusLine.contains("Unsent lead"))
  }

  @Test("moving through 300 fields scrolls the form so the focused field always shows")
  func focusAlwaysVisible() throws {
    var console = makeConsole(schema: try generatedSchema())
    for step in 1...40 {
      console.press(step % 10 == 0 ? .pageDown : .tab)
      let screen = console.screen
      let cursor = try #require(screen.cursor)
      let label = console.focusedField.label
      #expect(screen.text(ofRow: cursor.row).contains(label), "step \(step): \(label)")
      #expect(cursor.row >= 2 && cursor.row < 22)
    }
    console.press(.backTab)
    #expect(console.screen.text.contains(console.focusedField.label))
    console.press(.pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp)
    #expect(console.focusIndex < 40)
  }

  @Test("a lead the log could not take comes back with its schema values, dates included")
  func unsavedLeadRefillsSchemaFields() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.focus(code: "visit_date")
    console.type("05.03.2024")
    console.focus(code: "source")
    console.type("рек")
    console.press(.enter)
    let submitted = console.submittedLead()
    let lead = try #require(submitted)

    _ = console.handle(.queueFailed(lead: lead, message: "disk full"))
    #expect(console.value(ofCode: "visit_date") == "05.03.2024")
    #expect(console.value(ofCode: "source") == "ad")
    let again = console.submittedLead()
    #expect(again == lead)
  }
}
