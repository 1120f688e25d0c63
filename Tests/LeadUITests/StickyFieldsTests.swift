import LeadCore
import LeadUI
import Testing

@Suite("sticky fields and the next call")
struct StickyFieldsTests {
  /// The screen row of a field's label.
  private func labelRow(_ label: String, in console: ConsoleState) throws -> String {
    let screen = console.screen
    return screen.text(ofRow: try #require(row(containing: label, in: screen)))
  }

  @Test("Alt-P pins the focused field, shown by a mark before its label; again unpins it")
  func pinToggles() throws {
    var console = makeConsole()
    console.press(.tab, .tab, .tab, .tab)
    console.press(.alt("p"))
    #expect(console.stickyCodes == [BaseField.comment.code])
    #expect(try labelRow("Comment", in: console).hasPrefix(" •Comment"))
    #expect(try labelRow("Email", in: console).hasPrefix("  Email"))

    console.press(.alt("P"))
    #expect(console.stickyCodes.isEmpty)
    #expect(try labelRow("Comment", in: console).hasPrefix("  Comment"))
  }

  @Test(
    "F8 and Ctrl-N over typing ask first; the same key again clears all but pinned fields",
    arguments: [Key.function(8), .control("n")])
  func resetKeepsPinnedFields(key: Key) {
    var console = makeConsole()
    console.fillForm([.firstName: "Иван", .phone: "+7 912 345-67-89", .comment: "Источник: радио"])
    console.press(.backTab, .alt("p"))

    #expect(console.press(key).isEmpty)
    #expect(console.status.role == .warning)
    #expect(console.value(of: .firstName) == "Иван")

    console.press(key)
    #expect(console.value(of: .firstName).isEmpty)
    #expect(console.value(of: .phone).isEmpty)
    #expect(console.value(of: .comment) == "Источник: радио")
    #expect(console.focus == .firstName)
    #expect(console.statusLine.contains("Comment"))
  }

  @Test("any other key after the first new-call key keeps the lead")
  func resetCancelledByAnotherKey() {
    var console = makeConsole()
    console.type("Иван")
    console.press(.function(8), .right, .function(8))
    #expect(console.value(of: .firstName) == "Иван")
  }

  @Test("news between the two presses of the new-call key makes it ask again")
  func resetAsksAgainAfterNews() {
    var console = makeConsole()
    console.type("Иван")
    console.press(.function(8))
    _ = console.handle(.notice("The CRM answered a lead"))
    console.press(.function(8))
    #expect(console.value(of: .firstName) == "Иван")
    console.press(.function(8))
    #expect(console.value(of: .firstName).isEmpty)
  }

  @Test("with only pinned values in the form, the new-call key clears at once")
  func resetOverPinnedOnly() {
    var console = makeConsole()
    console.type("Иван")
    console.press(.alt("p"), .tab)
    console.type("Петров")
    console.press(.function(8), .function(8))
    #expect(console.value(of: .lastName).isEmpty)
    console.type("Сидоров")
    console.press(.control("a"), .control("k"), .function(8))
    #expect(console.value(of: .firstName) == "Иван")
    #expect(console.focus == .lastName)
    #expect(console.status.role != .warning)
  }

  @Test("after a send the form clears but pinned fields keep their values")
  func sendKeepsPinnedFields() {
    var console = makeConsole()
    console.press(.tab, .tab, .tab, .tab)
    console.type("Реклама на радио")
    console.press(.alt("p"), .tab)
    console.fillForm([.firstName: "Иван", .phone: "+7 912 345-67-89"])

    let effects = console.press(.function(2))
    #expect(effects.count == 1)
    if case .submit(let lead) = effects.first {
      #expect(lead.comment == "Реклама на радио")
    } else {
      Issue.record("nothing submitted: \(effects)")
    }
    #expect(console.value(of: .firstName).isEmpty)
    #expect(console.value(of: .phone).isEmpty)
    #expect(console.value(of: .comment) == "Реклама на радио")

    console.fillForm([.firstName: "Пётр", .phone: "+7 912 000-00-00"])
    if case .submit(let second) = console.press(.function(2)).first {
      #expect(second.comment == "Реклама на радио")
    } else {
      Issue.record("the second lead was not submitted")
    }
  }

  @Test("quitting over pinned values alone does not ask")
  func quitOverPinnedOnly() {
    var console = makeConsole()
    console.type("Оператор Мария")
    console.press(.alt("p"))
    #expect(console.press(.function(10)) == [.quit])
  }
}
