import Foundation
import Testing

/// The field-code browser in a real terminal: find a field, jump to it, fill it, send.
@Suite("field browser end to end", .serialized)
struct FieldBrowserEndToEndTests {
  static let key = "e2e-key-0123456789abcdef"

  @Test func cityFoundInTheBrowserReachesTheSandboxUnderItsCode() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let (sandbox, terminal, folder) = (console.sandbox, console.terminal, console.folder)
    try console.start(["--schema", SchemaCommandTests.exampleSchema.path])
    try terminal.waitFor("First name")

    try terminal.press("Tab", "Tab")
    try terminal.type("+7 912 345-67-89")
    try terminal.press("F3")
    try terminal.type("city")
    try terminal.waitFor("City")
    try terminal.press("Enter")
    try terminal.type("Санкт-Петербург")
    try terminal.waitFor("Санкт-Петербург")
    try terminal.press("F6")
    try terminal.waitFor("city=%D0%A1")
    try terminal.press("F7")
    let copy = folder.file("state/gentleman-lead-console/last-request.sh")
    #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: copy.path) })
    let command = try String(contentsOf: copy, encoding: .utf8)
    #expect(command.contains("--data-raw 'city=%D0%A1%D0%B0%D0%BD%D0%BA%D1%82"))
    #expect(!command.contains(Self.key))
    let mode = try FileManager.default.attributesOfItem(atPath: copy.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    try terminal.press("F2")

    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.first { $0.0 == "city" }?.1 == "Санкт-Петербург")
    #expect(fields.first { $0.0 == "phone" }?.1 == "+7 912 345-67-89")

    // What the preview copied is, byte for byte, what arrived, but for the masked key.
    let copied = command.split(separator: "\n").dropFirst(2).map { line in
      line.replacingOccurrences(of: "  --data-raw '", with: "")
        .replacingOccurrences(of: "' \\", with: "").replacingOccurrences(of: "'", with: "")
    }
    let received = try sandbox.records().first?["rawBody"] as? String ?? ""
    #expect(received == "key=\(Self.key)&" + copied.joined(separator: "&"))
    try terminal.press("F10")
  }
}
