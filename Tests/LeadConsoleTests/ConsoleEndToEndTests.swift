import Foundation
import Testing

/// The built console in a real terminal (tmux) against `lead-console sandbox` over loopback.
@Suite("console end to end", .serialized)
struct ConsoleEndToEndTests {
  static let key = "e2e-key-0123456789abcdef"

  @Test func cyrillicLeadTypedInReachesTheSandboxExactlyAndTheShellSurvives() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    let before = console.folder.file("stty-before.txt")
    let after = console.folder.file("stty-after.txt")
    try terminal.run("stty -a > \(before.path)")
    #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: before.path) })

    try console.start()
    try terminal.waitFor("First name")
    try terminal.type("Андрей")
    try terminal.press("Tab")
    try terminal.type("Щёкин")
    try terminal.press("Tab")
    try terminal.type("+7 (912) 345-67-89")
    try terminal.press("Tab", "Tab")
    try terminal.type("Перезвонить & уточнить =цену")
    try terminal.press("F2")

    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.map(\.0) == ["key", "phone", "first_name", "last_name", "comment"])
    #expect(fields.first { $0.0 == "first_name" }?.1 == "Андрей")
    #expect(fields.first { $0.0 == "last_name" }?.1 == "Щёкин")
    #expect(fields.first { $0.0 == "phone" }?.1 == "+7 (912) 345-67-89")
    #expect(fields.first { $0.0 == "comment" }?.1 == "Перезвонить & уточнить =цену")
    try terminal.waitFor("accepted")

    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
    try terminal.run("stty -a > \(after.path)")
    #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: after.path) })
    #expect(
      eventually(within: 5) {
        (try? String(contentsOf: after, encoding: .utf8))
          == (try? String(contentsOf: before, encoding: .utf8))
      })
  }

  @Test func pastedTextLandsWholeInOneFieldAndSubmitsNothing() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    try console.start()
    try terminal.waitFor("First name")

    try terminal.press("Tab", "Tab")
    try terminal.paste("8 (999) 123-45-67")
    try terminal.press("Tab", "Tab")
    try terminal.paste("строка один\nстрока два")
    try terminal.waitFor("строка два")
    #expect(try sandbox.records().isEmpty)
    try terminal.press("F2")

    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.first { $0.0 == "phone" }?.1 == "8 (999) 123-45-67")
    // The comment keeps a pasted line break: it reaches the CRM as typed.
    #expect(fields.first { $0.0 == "comment" }?.1 == "строка один\nстрока два")
    #expect(fields.first { $0.0 == "first_name" } == nil)
    try terminal.press("F10")
  }

  @Test func quittingWhileALeadIsInFlightRecordsItAsUncertain() throws {
    let console = try ConsoleInTerminal(key: Self.key, sandboxArguments: ["--fault", "hang"])
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    try console.start(["--timeout", "60"])
    try terminal.waitFor("First name")

    try terminal.press("Tab", "Tab")
    try terminal.type("+7 912 000-00-00")
    try terminal.press("F2")
    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    // A lead in flight makes the quit key ask first; the second press leaves.
    try terminal.press("F10")
    try terminal.waitFor("the quit key again")
    try terminal.press("F10")

    #expect(console.exitStatus() == "0")
    let history = try runConsole(
      ["history", "--json", "--log", console.log.path], environment: console.environment)
    #expect(history.standardOutput.contains("\"state\":\"uncertain\""), "\(history)")
    #expect(!history.standardOutput.contains("\"state\":\"sending\""))
  }
}
