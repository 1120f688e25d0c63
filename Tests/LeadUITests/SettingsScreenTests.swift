import Foundation
import LeadCore
import Testing

@testable import LeadUI

/// A 24-character key: no piece of it may reach the screen but the header's tail of the key in use.
private let secretKey = "sk-live-0123456789abcdef"

/// The endpoint the test consoles start with.
private let startEndpoint = "http://127.0.0.1:8080/api/site/"

/// A console at 80×24 with the settings screen open.
private func openSettings(canSend: Bool = true, isSandbox: Bool = false) -> ConsoleState {
  var state = ConsoleState(
    context: ConsoleContext(
      endpoint: startEndpoint, maskedKey: canSend ? "••••••••cdef" : nil, canSend: canSend,
      isSandbox: isSandbox))
  _ = state.handle(.resized(rows: 24, columns: 80))
  state.press(.function(9))
  return state
}

@Suite("settings screen")
struct SettingsScreenTests {
  @Test(
    "F9 and Ctrl-O open the settings with the endpoint in use and an empty key",
    arguments: [Key.function(9), Key.control("o")])
  func opens(key: Key) throws {
    var console = makeConsole()
    console.press(key)
    let form = try #require(console.settings)
    #expect(console.focusArea == .settings)
    #expect(form.focus == .key)
    #expect(form.endpoint.value == startEndpoint)
    #expect(form.maskedKey.isEmpty)
    #expect(console.screen.text.contains("API key"))
    #expect(console.screen.text.contains(startEndpoint))
  }

  @Test(
    "no character of a typed or pasted key is on screen, nor of one erased from its end",
    arguments: [false, true])
  func keyIsMasked(pasted: Bool) throws {
    var console = openSettings()
    if pasted { console.press(.paste(secretKey + "\n")) } else { console.type(secretKey) }
    #expect(console.screen.text.contains("24 characters"))
    #expect(console.settings?.enteredKey.value == secretKey)
    let mask = String(repeating: "•", count: APIKey.maskLength)
    // Erasing from the end must not bring earlier characters into view one by one.
    for left in stride(from: secretKey.count, to: 0, by: -1) {
      let keyRow = try #require(row(containing: "API key", in: console.screen))
      let shown = console.screen.text(ofRow: keyRow)
      #expect(shown.contains(mask))
      let afterMask = shown.components(separatedBy: mask).dropFirst().joined()
      #expect(afterMask.trimmingCharacters(in: .whitespaces).isEmpty, "\(left): \(shown)")
      // The header shows the key in use, masked with its tail "cdef": only the rest is checked.
      let text = console.screen.text
      let hidden = secretKey.dropLast(4)
      for start in 0...(hidden.count - 3) {
        let piece = String(hidden.dropFirst(start).prefix(3))
        #expect(!text.contains(piece), "\(piece) shows with \(left) characters left")
      }
      console.press(.backspace)
    }
  }

  @Test("a key shorter than 12 characters shows no character of it at all")
  func shortKeyFullyMasked() throws {
    var console = openSettings()
    console.type("abc12345xyz")
    let keyRow = try #require(row(containing: "API key", in: console.screen))
    #expect(
      console.screen.text(ofRow: keyRow).contains(String(repeating: "•", count: APIKey.maskLength)))
    #expect(!console.screen.text.contains("xyz"))
  }

  @Test("Backspace erases the key from its end; Enter moves to the endpoint and back")
  func editingAndEnter() throws {
    var console = openSettings()
    console.type(secretKey + "X")
    console.press(.left, .left, .backspace)
    #expect(console.settings?.enteredKey.value == secretKey)
    console.press(.enter)
    #expect(console.settings?.focus == .endpoint)
    console.press(.end, .backspace, .backspace, .backspace, .backspace, .backspace)
    console.type("v2/")
    #expect(console.settings?.enteredEndpoint == "http://127.0.0.1:8080/api/v2/")
    console.press(.enter)
    #expect(console.settings?.focus == .key)
  }

  @Test("F2 asks for a save with the key and the endpoint, once until it ends")
  func saveEmitsEffect() {
    var console = openSettings()
    console.type(secretKey)
    let effects = console.press(.function(2))
    #expect(effects == [.saveSettings(key: APIKey(secretKey), endpoint: startEndpoint)])
    #expect(console.screen.text.contains("Saving…"))
    #expect(console.press(.control("s")).isEmpty)
  }

  @Test("saving without a key or an endpoint asks for one and emits nothing")
  func saveNeedsBoth() {
    var console = openSettings()
    #expect(console.press(.function(2)).isEmpty)
    #expect(console.statusLine.contains("type or paste the API key"))
    console.type(secretKey)
    console.press(.enter, .end)
    for _ in 0..<startEndpoint.count { console.press(.backspace) }
    #expect(console.press(.function(2)).isEmpty)
    #expect(console.screen.text.contains("Not saved: the endpoint is empty"))
  }

  @Test("a saved key is in use at once: header, sending and preview follow it")
  func appliedSettingsSwitchTheConsole() throws {
    var console = openSettings(canSend: false)
    #expect(console.screen.text(ofRow: 0).contains("no API key"))
    console.type(secretKey)
    console.press(.function(2))
    let endpoint = "http://127.0.0.1:9090/api/site/"
    _ = console.handle(
      .settingsApplied(
        AppliedSettings(
          endpoint: endpoint, maskedKey: APIKey(secretKey).masked,
          savedTo: "~/.config/gentleman-lead-console/config.json",
          preview: { _ in "POST \(endpoint)\n\nkey=masked" })))

    #expect(console.settings == nil)
    #expect(console.context.canSend)
    #expect(console.context.endpoint == endpoint)
    let header = console.screen.text(ofRow: 0)
    #expect(header.contains("key ••••cdef"))
    #expect(header.contains("127.0.0.1:9090"))
    #expect(console.statusLine.contains("Saved to ~/.config/gentleman-lead-console/config.json"))
    #expect(!console.screen.text.contains(secretKey))
    console.press(.tab, .tab)
    console.type("+7 912 345-67-89")
    #expect(console.previewText.hasPrefix("POST \(endpoint)"))
    let effects = console.press(.function(2))
    #expect(effects == [.submit(Lead(phone: "+7 912 345-67-89"))])
  }

  @Test("a refused save keeps the screen open with the reason and changes nothing")
  func refusedSave() {
    var console = openSettings(canSend: false)
    console.type(secretKey)
    console.press(.function(2))
    _ = console.handle(.settingsRefused("cannot write /x/config.json: Permission denied"))
    #expect(console.settings?.isSaving == false)
    #expect(console.screen.text.contains("Not saved: cannot write /x/config.json"))
    #expect(!console.context.canSend)
    #expect(console.context.maskedKey == nil)
    #expect(console.press(.function(2)).count == 1)
  }

  @Test("Esc leaves without saving, and the form is as it was")
  func escapeLeaves() {
    var console = makeConsole()
    console.type("Иван")
    console.press(.function(9))
    console.type(secretKey)
    #expect(console.press(.escape).isEmpty)
    #expect(console.settings == nil)
    #expect(console.context.maskedKey == "••••••••cdef")
    #expect(console.value(of: .firstName) == "Иван")
    #expect(console.statusLine.contains("nothing saved"))
    console.press(.function(9))
    #expect(console.settings?.maskedKey.isEmpty == true)
  }
}
