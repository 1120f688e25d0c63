import LeadCore
import LeadUI
import Testing

@Suite("ConsoleState sending")
struct ConsoleSendTests {
  @Test("F2 with neither phone nor e-mail sends nothing and marks both fields")
  func invalidLeadIsMarked() {
    var console = makeConsole()
    console.fillForm([.firstName: "Иван", .comment: "перезвонить"])
    let effects = console.press(.function(2))

    #expect(effects.isEmpty)
    #expect(console.problems["phone"] != nil)
    #expect(console.problems["email"] != nil)
    #expect(console.problems["first_name"] == nil)
    #expect(console.statusLine.hasPrefix("Not sent"))
    #expect(console.statusLine.contains("Phone, Email"))
    #expect(console.value(of: .firstName) == "Иван")
    #expect(console.value(of: .comment) == "перезвонить")
    #expect(console.focus == .phone)
  }

  @Test("each bad field is marked on screen with its message")
  func invalidFieldsRender() throws {
    var console = makeConsole()
    console.fillForm([.phone: "12ab", .email: "ivan@"])
    console.press(.control("s"))
    let screen = console.screen

    let phoneRow = try #require(row(containing: "Phone", in: screen))
    let emailRow = try #require(row(containing: "Email", in: screen))
    #expect(screen[phoneRow, 1].grapheme == "!")
    #expect(screen[phoneRow, 1].role == .invalid)
    #expect(screen[emailRow, 1].role == .invalid)
    #expect(screen.text(ofRow: phoneRow + 1).contains("not a phone number"))
    #expect(screen.text(ofRow: emailRow + 1).contains("not an e-mail address"))
    let status = screen.text(ofRow: 22)
    #expect(status.contains("Not sent — fix Phone, Email"))
    #expect(screen[22, 1].role == .error)
  }

  @Test("editing a marked field clears its mark and leaves the others")
  func editingClearsMark() {
    var console = makeConsole()
    console.fillForm([.phone: "12ab", .email: "ivan@"])
    console.press(.function(2))
    #expect(console.focus == .phone)
    console.press(.backspace)
    #expect(console.problems["phone"] == nil)
    #expect(console.problems["email"] != nil)
    console.press(.tab, .left)
    #expect(console.problems["email"] != nil)
  }

  @Test("F2 with a valid lead submits it trimmed and clears the form at once")
  func validLeadIsSubmittedAndFormCleared() {
    var console = makeConsole()
    console.fillForm([
      .firstName: "  Андрей ", .lastName: "Щёкин ", .phone: " +7 (999) 123-45-67",
      .email: "ivan.petrov+lead@example.ru ", .comment: " a&b=c ",
    ])
    #expect(console.focus == .firstName)
    console.press(.tab, .tab)
    let effects = console.press(.function(2))

    let expected = Lead(
      firstName: "Андрей", lastName: "Щёкин", phone: "+7 (999) 123-45-67",
      email: "ivan.petrov+lead@example.ru", comment: " a&b=c ")
    #expect(effects == [.submit(expected)])
    for field in FormLayout.fieldOrder {
      #expect(console.value(of: field).isEmpty)
    }
    #expect(console.problems.isEmpty)
    #expect(console.focus == .firstName)
    #expect(console.statusLine.contains("Андрей Щёкин (+7 (999) 123-45-67)"))
  }

  @Test("Ctrl-S sends as F2 does")
  func controlSSends() {
    var console = makeConsole()
    console.fillForm([.email: "a@b.ru"])
    #expect(console.press(.control("s")) == [.submit(Lead(email: "a@b.ru"))])
  }

  @Test("without an API key F2 says where to put one and sends nothing")
  func noKeyNoSend() {
    var console = makeConsole(canSend: false)
    console.fillForm([.phone: "+7 912 345-67-89"])
    let effects = console.press(.function(2))
    #expect(effects.isEmpty)
    #expect(console.statusLine.contains("GENTLEMAN_API_KEY"))
    #expect(console.value(of: .phone) == "+7 912 345-67-89")
    #expect(console.screen.text(ofRow: 0).contains("no API key"))
  }

  @Test("a lead the log could not take comes back into an empty form")
  func queueFailureRestoresLead() {
    var console = makeConsole()
    console.fillForm([.firstName: "Иван", .phone: "+7 912 345-67-89"])
    guard case .submit(let lead) = console.press(.function(2)).first else {
      Issue.record("no submit")
      return
    }
    _ = console.handle(.queueFailed(lead: lead, message: "disk full"))
    #expect(console.value(of: .firstName) == "Иван")
    #expect(console.value(of: .phone) == "+7 912 345-67-89")
    #expect(console.statusLine.contains("disk full"))
  }

  @Test("a lead the log could not take waits while the operator types the next one")
  func queueFailureWaitsForEmptyForm() {
    var console = makeConsole()
    let failed = Lead(firstName: "Иван", phone: "+7 912 345-67-89")
    console.type("Олег")
    _ = console.handle(.queueFailed(lead: failed, message: "disk full"))
    #expect(console.value(of: .firstName) == "Олег")
    #expect(console.unsavedLeads == [failed])

    console.press(.tab, .tab)
    console.type("+7 900 000-00-00")
    let effects = console.press(.function(2))
    #expect(effects == [.submit(Lead(firstName: "Олег", phone: "+7 900 000-00-00"))])
    #expect(console.value(of: .firstName) == "Иван")
    #expect(console.unsavedLeads.isEmpty)
  }
}
