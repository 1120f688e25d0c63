import Foundation
import Testing

/// The built console in a real terminal (tmux) against `lead-console sandbox` over loopback.
@Suite("console end to end", .serialized)
struct ConsoleEndToEndTests {
  static let key = "e2e-key-0123456789abcdef"

  @Test func cyrillicLeadTypedInReachesTheSandboxExactlyAndTheShellSurvives() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let terminal = try TmuxSession(in: folder, environment: environment)
    let before = folder.file("stty-before.txt")
    let after = folder.file("stty-after.txt")
    let exitFile = folder.file("exit.txt")
    try terminal.run("stty -a > \(before.path)")
    #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: before.path) })

    try terminal.run(
      "\(BuiltBinary.url.path) --endpoint \(sandbox.url) --log \(folder.file("h.jsonl").path);"
        + " echo $? > \(exitFile.path)")
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
    #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: exitFile.path) })
    try terminal.run("stty -a > \(after.path)")
    #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: after.path) })
    #expect(
      eventually(within: 5) {
        (try? String(contentsOf: after, encoding: .utf8))
          == (try? String(contentsOf: before, encoding: .utf8))
      })
    #expect(
      try String(contentsOf: exitFile, encoding: .utf8).trimmingCharacters(
        in: .whitespacesAndNewlines) == "0")
  }

  @Test func pastedTextLandsWholeInOneFieldAndSubmitsNothing() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let terminal = try TmuxSession(in: folder, environment: environment)
    try terminal.run(
      "\(BuiltBinary.url.path) --endpoint \(sandbox.url) --log \(folder.file("h.jsonl").path)")
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
    #expect(fields.first { $0.0 == "comment" }?.1 == "строка один строка два")
    #expect(fields.first { $0.0 == "first_name" } == nil)
    try terminal.press("F10")
  }

  @Test func quittingWhileALeadIsInFlightRecordsItAsUncertain() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: folder.file("record.jsonl"), extraArguments: ["--fault", "hang"])
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let terminal = try TmuxSession(in: folder, environment: environment)
    let log = folder.file("h.jsonl")
    let exitFile = folder.file("exit.txt")
    try terminal.run(
      "\(BuiltBinary.url.path) --timeout 60 --endpoint \(sandbox.url) --log \(log.path);"
        + " echo $? > \(exitFile.path)")
    try terminal.waitFor("First name")

    try terminal.press("Tab", "Tab")
    try terminal.type("+7 912 000-00-00")
    try terminal.press("F2")
    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    try terminal.press("F10")

    #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: exitFile.path) })
    let history = try runConsole(
      ["history", "--json", "--log", log.path], environment: environment)
    #expect(history.standardOutput.contains("\"state\":\"uncertain\""), "\(history)")
    #expect(!history.standardOutput.contains("\"state\":\"sending\""))
  }
}
