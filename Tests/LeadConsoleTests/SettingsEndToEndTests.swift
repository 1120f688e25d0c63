import Foundation
import Testing

/// The settings screen in a real terminal: a console started with no key gets one pasted,
/// checks it with the CRM, saves it, and sends with it at once.
@Suite("settings end to end", .serialized)
struct SettingsEndToEndTests {
  static let key = "e2e-key-0123456789abcdef"

  @Test func pastedKeyIsCheckedSavedPrivatelyAndUsedForTheNextLead() throws {
    let console = try ConsoleInTerminal(key: Self.key, keyInEnvironment: false)
    let (sandbox, terminal, folder) = (console.sandbox, console.terminal, console.folder)
    try console.start()
    try terminal.waitFor("no API key")

    try terminal.press("F9")
    try terminal.waitFor("Settings for sending to the CRM")
    try terminal.paste(Self.key)
    try terminal.waitFor("24 characters")
    #expect(try terminal.screen().contains("••••••••"))
    #expect(try !terminal.screen().contains("cdef"), "the key being entered shows its tail")
    try terminal.press("F5")
    try terminal.waitFor("the key is valid")
    #expect(try sandbox.records().count == 1)
    #expect(try !terminal.screen().contains(Self.key))

    try terminal.press("F2")
    try terminal.waitFor("Saved to ~/config/gentleman-lead-console/config.json")
    try terminal.waitFor("key ••••cdef")
    let config = folder.file("config/gentleman-lead-console/config.json")
    let mode = try FileManager.default.attributesOfItem(atPath: config.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as? [String: Any]
    #expect(saved?["key"] as? String == Self.key)
    #expect(saved?["endpoint"] as? String == sandbox.url)

    try terminal.press("Tab", "Tab")
    try terminal.type("+7 912 345-67-89")
    try terminal.press("F2")
    #expect(eventually(within: 15) { (try? sandbox.records().count) == 2 })
    let fields = try sandbox.fields(ofRecord: 1)
    #expect(fields.first { $0.0 == "key" }?.1 == Self.key)
    #expect(fields.first { $0.0 == "phone" }?.1 == "+7 912 345-67-89")
    try terminal.waitFor("accepted")
    #expect(try !terminal.screen().contains(Self.key))
    try terminal.press("F10")
  }
}
