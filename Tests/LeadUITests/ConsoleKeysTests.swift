import LeadCore
import LeadUI
import Testing

@Suite("ConsoleState keys")
struct ConsoleKeysTests {
  @Test("typing П, ё, т, р gives Пётр, 8 UTF-8 bytes, cursor 4 columns on")
  func typingCyrillicKeepsCharacters() throws {
    var console = makeConsole()
    let before = try #require(console.screen.cursor)
    console.type("Пётр")

    #expect(console.value(of: .firstName) == "Пётр")
    #expect(console.value(of: .firstName).count == 4)
    #expect(console.value(of: .firstName).utf8.count == 8)
    let after = try #require(console.screen.cursor)
    #expect(after.row == before.row)
    #expect(after.column == before.column + 4)
    let line = console.screen.text(ofRow: after.row)
    #expect(line.contains("Пётр"))
    #expect(!console.screen.text.contains("Ð"))
  }

  @Test("pasting Пётр in one burst is the same as typing it")
  func pastingCyrillicIsOneStep() {
    var typed = makeConsole()
    typed.type("Пётр")
    var pasted = makeConsole()
    pasted.press(.paste("Пётр"))

    #expect(pasted.value(of: .firstName) == "Пётр")
    #expect(pasted.textField(.firstName) == typed.textField(.firstName))
    #expect(pasted.screen.cursor?.column == typed.screen.cursor?.column)
  }

  @Test("the form starts on First name and Tab, Down and Enter visit the fields in order")
  func forwardNavigation() {
    for key in [Key.tab, .down, .enter] {
      var console = makeConsole()
      var visited = [console.focus]
      for _ in 0..<5 {
        console.press(key)
        visited.append(console.focus)
      }
      #expect(visited == [.firstName, .lastName, .phone, .email, .comment, .firstName])
    }
  }

  @Test("Shift-Tab and Up go back, wrapping from First name to Comment")
  func backwardNavigation() {
    for key in [Key.backTab, .up] {
      var console = makeConsole()
      console.press(key)
      #expect(console.focus == .comment)
      console.press(key)
      #expect(console.focus == .email)
    }
  }

  @Test("the cursor follows the focus onto the next field's row")
  func cursorMovesWithFocus() {
    var console = makeConsole()
    let first = console.screen.cursor
    console.press(.tab)
    let second = console.screen.cursor
    #expect(first?.column == second?.column)
    #expect((second?.row ?? 0) > (first?.row ?? 0))
  }

  @Test("Enter moves on and never sends, even with a complete lead")
  func enterNeverSends() {
    var console = makeConsole()
    console.fillForm([.firstName: "Иван", .phone: "+7 912 345-67-89"])
    let effects = console.press(.enter, .enter, .enter, .enter, .enter)
    #expect(effects.isEmpty)
    #expect(console.value(of: .phone) == "+7 912 345-67-89")
  }

  @Test("a paste with line breaks into a one-line field lands on one line and does not send")
  func multiLinePasteStaysInField() {
    var console = makeConsole()
    console.press(.tab, .tab)
    let effects = console.press(.paste("8 (999)\n123-45-67\r\n"))
    #expect(effects.isEmpty)
    #expect(console.value(of: .phone) == "8 (999) 123-45-67 ")
    #expect(console.focus == .phone)
  }

  @Test("editing keys act in the focused field only")
  func editingKeys() {
    var console = makeConsole()
    console.type("Пётр")
    console.press(.home, .delete, .end, .backspace, .left)
    console.type("ю")
    #expect(console.value(of: .firstName) == "ёют")
    console.press(.right)
    console.type("!")
    #expect(console.value(of: .firstName) == "ёют!")
    #expect(console.value(of: .lastName).isEmpty)
  }

  @Test(
    "F10, Ctrl-Q and Ctrl-C quit",
    arguments: [
      Key.function(10), .control("q"), .control("Q"),
      .control("c"),
    ])
  func quitKeys(key: Key) {
    var console = makeConsole()
    #expect(console.press(key) == [.quit])
  }

  @Test(
    "over a half-typed lead, quitting takes the quit key twice",
    arguments: [Key.function(10), .control("q"), .control("c")])
  func quitAsksOverAHalfTypedLead(key: Key) {
    var console = makeConsole()
    console.type("Тест")

    #expect(console.press(key).isEmpty)
    #expect(console.status.role == .warning)
    #expect(console.statusLine.contains("Unsent lead"))
    #expect(console.value(of: .firstName) == "Тест")
    #expect(console.press(key) == [.quit])
  }

  @Test func anyOtherKeyAfterTheFirstQuitKeepsTheLead() {
    var console = makeConsole()
    console.type("Тест")

    #expect(console.press(.function(10)).isEmpty)
    #expect(console.press(.right).isEmpty)
    #expect(console.press(.function(10)).isEmpty)
    #expect(console.value(of: .firstName) == "Тест")
  }

  @Test("letters and unbound keys never run commands while a field has focus")
  func lettersAreText() {
    var console = makeConsole()
    let effects = console.press(
      .character("q"), .character("s"), .escape, .function(11), .alt("x"), .control("h"))
    #expect(effects.isEmpty)
    #expect(console.value(of: .firstName) == "qs")
  }

  @Test("the field key map binds no bare character and none of Ctrl-H, I, J, M")
  func keyMapLeavesTypingAlone() {
    let reserved: Set<Character> = ["h", "i", "j", "m"]
    for binding in KeyMap.standard(for: .formField).bindings {
      if case .character = binding.key { Issue.record("bare character bound: \(binding)") }
      if case .control(let letter) = binding.key {
        #expect(!reserved.contains(letter), "\(binding) shadows a terminal key")
      }
    }
  }

  @Test(
    "no focus area binds a bare character but Space in a yes/no field, nor Ctrl-H, I, J, M",
    arguments: FocusArea.allCases)
  func everyKeyMapLeavesTypingAlone(area: FocusArea) {
    let reserved: Set<Character> = ["h", "i", "j", "m"]
    for map in [KeyMap.standard(for: area), KeyMap.previewing(area)] {
      for binding in map.bindings {
        if case .character(let character) = binding.key {
          #expect(area == .switchField && character == " " && binding.command == .toggleSwitch)
        }
        if case .control(let letter) = binding.key {
          #expect(!reserved.contains(letter), "\(binding) shadows a terminal key")
        }
      }
      #expect(map.command(for: .function(10)) == .quit)
    }
  }

  @Test("the key bar is generated from the key map, with the Ctrl alternatives")
  func keyBarFromKeyMap() {
    let entries = KeyBar.entries(for: KeyMap.standard(for: .formField))
    #expect(entries.first == KeyBar.Entry(keys: "F2/^S", title: "Send"))
    #expect(entries.contains(KeyBar.Entry(keys: "F10/^Q/^C", title: "Quit")))
    #expect(entries.contains(KeyBar.Entry(keys: "Tab/↓/Enter", title: "Next")))
    #expect(entries.contains(KeyBar.Entry(keys: "S-Tab/↑", title: "Prev")))
  }
}

@Suite("ConsoleState limits")
struct ConsoleLimitsTests {
  @Test("a paste longer than the field's limit is cut there, with a warning")
  func hugePasteIsCut() {
    var console = makeConsole()
    console.press(.paste(String(repeating: "я", count: TextField.maximumLength + 5)))
    #expect(console.value(of: .firstName).count == TextField.maximumLength)
    #expect(console.statusLine.contains("cut"))
    console.type("z")
    #expect(console.value(of: .firstName).count == TextField.maximumLength)
  }
}
