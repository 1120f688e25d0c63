import LeadCore
import LeadUI
import Testing

/// Every key map the console uses: each focus area's, and each with the preview shown.
private let everyMap: [(name: String, map: KeyMap)] = FocusArea.allCases.flatMap { area in
  [("\(area)", KeyMap.standard(for: area)), ("\(area) with preview", KeyMap.previewing(area))]
}

@Suite("help screen and key maps")
struct HelpScreenTests {
  @Test("the help lists every binding of every key map with what it does")
  func helpListsEveryBinding() {
    let sections = HelpText.sections
    for area in FocusArea.allCases {
      let map = KeyMap.standard(for: area)
      let own = sections.filter { $0.area == area }
      let form = sections.first { $0.area == .formField }
      for binding in map.bindings {
        let listed = (own + [form].compactMap { $0 }).contains { section in
          section.entries.contains {
            $0.command == binding.command && $0.keys.contains(binding.key)
          }
        }
        #expect(listed, "\(area): \(binding.key.label) (\(binding.command)) is not in the help")
      }
    }
    let preview = sections.flatMap(\.entries).filter { $0.command == .copyCurl }
    #expect(preview.flatMap(\.keys) == KeyMap.previewKeys.map(\.key))
  }

  @Test("each listed key shows on a help line beside its command's description")
  func helpLinesShowKeysAndDescriptions() {
    let lines = HelpText.lines(width: 76)
    for entry in HelpText.sections.flatMap(\.entries) {
      let shown = lines.contains {
        $0.keys == entry.keyLabel && entry.command.help.hasPrefix($0.text)
      }
      #expect(shown, "no line for \(entry.keyLabel) \(entry.command.title)")
    }
    #expect(lines.allSatisfy { DisplayWidth.of($0.keys) + DisplayWidth.of($0.text) <= 76 })
  }

  @Test(
    "every F-key command has a Ctrl or Alt alternative in the same map",
    arguments: everyMap.map(\.name))
  func everyFunctionKeyHasAnAlternative(name: String) throws {
    let map = try #require(everyMap.first { $0.name == name }).map
    for binding in map.bindings {
      guard case .function = binding.key else { continue }
      let alternatives = map.keys(for: binding.command).filter {
        switch $0 {
        case .control, .alt: true
        default: false
        }
      }
      #expect(
        !alternatives.isEmpty, "\(binding.key.label) (\(binding.command)) has no Ctrl or Alt key")
    }
  }

  @Test(
    "while a field has focus no command is on a bare letter or on Ctrl-H, I, J, M",
    arguments: [FocusArea.formField, .multiLineField, .selectField, .settings])
  func fieldsLeaveTypingAlone(area: FocusArea) {
    for map in [KeyMap.standard(for: area), KeyMap.previewing(area)] {
      for binding in map.bindings {
        if case .character = binding.key { Issue.record("\(area): bare \(binding.key.label)") }
        if case .control(let letter) = binding.key {
          #expect(!"hijm".contains(letter), "\(area): ^\(letter) is what terminals send for a key")
        }
        if case .alt(let letter) = binding.key {
          #expect(letter.isLetter && letter.isASCII, "\(area): Alt with \(letter)")
        }
      }
    }
  }

  @Test(
    "F1 and Ctrl-G open the help from every screen; Esc, F1 and Ctrl-G close it",
    arguments: [
      Key.function(1), .control("g"),
    ])
  func helpOpensAndCloses(key: Key) {
    let openers: [[Key]] = [
      [], [.function(3)], [.function(4)], [.function(9)], [.tab, .tab, .tab, .tab],
    ]
    for opener in openers {
      var console = makeConsole()
      for key in opener { console.press(key) }
      let area = console.focusArea
      console.press(key)
      #expect(console.focusArea == .help)
      #expect(console.screen.cursor == nil)
      for closer in [Key.escape, .function(1), .control("g")] {
        var shown = console
        shown.press(closer)
        #expect(shown.focusArea == area, "\(closer.label) did not close the help over \(area)")
      }
    }
  }

  @Test("the help shows over the form at 80×24 and scrolls to its end and back")
  func helpRendersAndScrolls() throws {
    var console = makeConsole()
    console.type("Иван")
    console.press(.function(1))
    let top = console.screen
    #expect(top.text.contains("In the form"))
    #expect(top.text.contains("Check the lead and send it"))
    #expect(!top.text.contains("Иван"))
    #expect(top.text(ofRow: 23).contains("Esc/F1/^G Back"))

    console.press(.end)
    let bottom = console.screen.text
    #expect(bottom.contains("In this help"))
    #expect(!bottom.contains("In the form"))
    console.press(.pageDown)
    #expect(console.screen.text == bottom)

    console.press(.home)
    #expect(console.screen.text.contains("hold Ctrl"))
    #expect(console.screen.text.contains("In the form"))
    console.type("x")
    #expect(console.value(of: .firstName) == "Иван")
  }

  @Test("help opened in the settings starts at the settings' keys")
  func helpStartsAtTheFocusedScreen() {
    var console = makeConsole()
    console.press(.function(9), .function(1))
    let text = console.screen.text
    #expect(text.contains("In the settings"))
    #expect(!text.contains("In the form"))
  }

  @Test("the help never traps at tiny sizes", arguments: [(0, 0), (1, 1), (5, 20), (24, 80)])
  func helpAtAnySize(rows: Int, columns: Int) {
    var console = makeConsole()
    _ = console.handle(.resized(rows: rows, columns: columns))
    console.press(.function(1), .pageDown, .end, .up)
    _ = ConsoleRenderer.render(console, rows: rows, columns: columns)
    #expect(console.focusArea == .help)
  }
}
