import Foundation
import LeadCore
import Testing

@testable import LeadUI

/// A console at 80×24 with the settings screen open and `key` typed in it.
private func settingsHolding(_ key: String, isSandbox: Bool = false) -> ConsoleState {
  var state = ConsoleState(
    context: ConsoleContext(
      endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: nil, canSend: false,
      isSandbox: isSandbox))
  _ = state.handle(.resized(rows: 24, columns: 80))
  state.press(.function(9))
  state.type(key)
  return state
}

@Suite("settings: key check, sandbox, key bar and sizes")
struct SettingsKeyCheckTests {
  static let key = "sandbox-demo-key-0042"

  @Test(
    "F5 and Ctrl-T ask for a check of the typed key at the typed endpoint",
    arguments: [Key.function(5), Key.control("t")])
  func checkEmitsEffect(key: Key) {
    var console = settingsHolding(Self.key)
    let effects = console.press(key)
    #expect(
      effects == [.checkKey(key: APIKey(Self.key), endpoint: "http://127.0.0.1:8080/api/site/")])
    #expect(console.screen.text.contains("Checking key ••••0042"))
    #expect(console.press(.function(5)).isEmpty)
  }

  @Test("keys keep working while the check runs")
  func typingDuringCheck() {
    var console = settingsHolding(Self.key)
    console.press(.function(5), .enter, .end)
    console.type("x")
    #expect(console.settings?.enteredEndpoint == "http://127.0.0.1:8080/api/site/x")
    #expect(console.settings?.isChecking == true)
  }

  @Test(
    "the verdict shows in words on the screen and the status line",
    arguments: [
      (KeyCheck.valid, "the key is valid", StyleRole.ok),
      (.wrong, "the key is wrong", .error),
      (.empty, "the key is empty", .error),
      (
        .inconclusive(Outcome(kind: .notDelivered, reason: "connection refused")),
        "the CRM was not reached: connection refused", .warning
      ),
    ])
  func verdictShown(verdict: KeyCheck, words: String, role: StyleRole) throws {
    var console = settingsHolding(Self.key)
    console.press(.function(5))
    _ = console.handle(.keyChecked(maskedKey: APIKey(Self.key).masked, verdict: verdict))
    #expect(console.settings?.isChecking == false)
    #expect(console.settings?.checkNote?.role == role)
    let noteRow = try #require(row(containing: words, in: console.screen))
    #expect(noteRow != 22)
    #expect(console.statusLine.contains(words))
    #expect(console.status.role == role)
  }

  @Test("control characters in a CRM's reason are neutralised, not drawn")
  func verdictReasonNeutralised() {
    var console = settingsHolding(Self.key)
    console.press(.function(5))
    let reason = "HTTP 500: \u{1B}[2Jgone\u{07}\nnext"
    _ = console.handle(
      .keyChecked(
        maskedKey: "•••", verdict: .inconclusive(Outcome(kind: .uncertain, reason: reason))))
    let text = console.screen.text + console.statusLine
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(console.screen.text.contains("no verdict"))
  }

  @Test("a check that cannot be made says why")
  func checkRefused() {
    var console = settingsHolding(Self.key)
    console.press(.function(5))
    _ = console.handle(.keyCheckRefused("the endpoint \"ftp://x\" is not an http:// URL"))
    #expect(console.screen.text.contains("Not checked: the endpoint"))
    #expect(console.settings?.isChecking == false)
  }

  @Test("in sandbox mode the screen says saving stays in this session")
  func sandboxMessage() {
    var console = settingsHolding(Self.key, isSandbox: true)
    #expect(console.screen.text.contains("Sandbox mode: F2 applies the key and endpoint"))
    #expect(console.screen.text.contains("the config file is not changed"))
    console.press(.function(2))
    _ = console.handle(
      .settingsApplied(
        AppliedSettings(
          endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: APIKey(Self.key).masked,
          savedTo: nil)))
    #expect(console.statusLine.contains("this session only"))
    #expect(console.statusLine.contains("config file unchanged"))
  }

  @Test("the key bars show the settings keys, and the help says what they do")
  func keyBars() {
    let form = ConsoleRenderer.render(makeConsole(), rows: 24, columns: 120).text(ofRow: 23)
    #expect(form.contains("F9/^O Settings"))
    let console = settingsHolding(Self.key)
    let bar = console.screen.text(ofRow: 23)
    #expect(
      bar.hasPrefix(" F2/^S Save  F5/^T Check key  F10/^Q/^C Quit  Esc/F9/^O Back  F1/^G Help"))
    let wide = ConsoleRenderer.render(console, rows: 24, columns: 120).text(ofRow: 23)
    #expect(wide.contains("Enter/Tab/↓ Next"))
    #expect(Command.openSettings.help.contains("API key"))
    #expect(Command.checkKey.help.contains("no lead"))
  }

  @Test("at 80×24 every settings line fits whole", arguments: [false, true])
  func fitsEightyColumns(isSandbox: Bool) {
    var console = settingsHolding(Self.key, isSandbox: isSandbox)
    console.press(.function(5))
    _ = console.handle(.keyChecked(maskedKey: APIKey(Self.key).masked, verdict: .valid))
    let screen = console.screen
    for row in 1..<22 {
      #expect(!screen.text(ofRow: row).contains("…"), "row \(row) was cut")
    }
    for line in SettingsPane.about(isSandbox) {
      #expect(screen.text.contains(line))
    }
  }

  @Test(
    "the settings render at any size without trapping",
    arguments: [
      (0, 0), (1, 1), (2, 80), (16, 60), (24, 80), (40, 200),
    ])
  func anySize(rows: Int, columns: Int) {
    var console = settingsHolding(String(repeating: "#", count: 296) + "tail")
    console.press(.function(5))
    let screen = ConsoleRenderer.render(console, rows: rows, columns: columns)
    #expect(screen.rows == rows && screen.columns == columns)
    #expect(!screen.text.contains("#"))
  }
}
