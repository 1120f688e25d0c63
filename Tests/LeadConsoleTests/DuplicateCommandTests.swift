import Foundation
import Testing

/// `lead-console send` refusing a lead that reaches a client already sent to in the last day.
@Suite("send command duplicates")
struct DuplicateCommandTests {
  static let key = "TESTKEY-0123456789abcdef"

  /// Sends one lead to the sandbox with a shared log; answers the process result.
  private func send(
    _ arguments: [String], sandbox: SandboxProcess, folder: ScratchFolder
  ) throws -> ProcessResult {
    try runConsole(
      ["send"] + arguments + [
        "--endpoint", sandbox.url, "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))
  }

  /// The lead id `send` printed: `lead ID: accepted`.
  private func leadID(in output: String) -> String? {
    output.split(separator: " ").dropFirst().first.map { String($0.dropLast()) }
  }

  @Test func samePhoneInAnotherFormIsRefusedNamingTheEarlierLead() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let first = try send(
      ["--first-name", "Иван", "--last-name", "Петров", "--phone", "+7 (912) 345-67-89"],
      sandbox: sandbox, folder: folder)
    #expect(first.status == 0, "\(first.standardError)")
    let id = try #require(leadID(in: first.standardOutput))

    let second = try send(["--phone", "8 912 345-67-89"], sandbox: sandbox, folder: folder)

    #expect(second.status == 2)
    #expect(second.standardError.contains("same phone"))
    #expect(second.standardError.contains(id))
    #expect(second.standardError.contains("accepted"))
    #expect(second.standardError.contains("+7 (912) 345-67-89"))
    #expect(second.standardError.contains("Иван Петров"))
    #expect(second.standardError.contains("--allow-duplicate"))
    #expect(try sandbox.records().count == 1)
    let history = try runConsole(
      ["history", "--json", "--log", folder.file("h.jsonl").path],
      environment: isolatedEnvironment(in: folder))
    #expect(history.standardOutput.split(separator: "\n").count == 1)
  }

  @Test func sameEmailInAnotherCaseIsRefused() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    _ = try send(["--email", "ivan@example.ru"], sandbox: sandbox, folder: folder)

    let second = try send(
      ["--phone", "+7 912 000-00-00", "--email", " Ivan@Example.RU"], sandbox: sandbox,
      folder: folder)

    #expect(second.status == 2)
    #expect(second.standardError.contains("same e-mail"))
    #expect(second.standardError.contains("ivan@example.ru"))
    #expect(try sandbox.records().count == 1)
  }

  @Test func allowDuplicateSendsItAnyway() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    _ = try send(["--phone", "+7 912 345-67-89"], sandbox: sandbox, folder: folder)

    let second = try send(
      ["--phone", "89123456789", "--allow-duplicate"], sandbox: sandbox, folder: folder)

    #expect(second.status == 0, "\(second.standardError)")
    #expect(try sandbox.records().count == 2)
  }

  @Test func differentNumberIsSent() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    _ = try send(["--phone", "+7 912 345-67-89"], sandbox: sandbox, folder: folder)

    let second = try send(["--phone", "+7 912 345-67-80"], sandbox: sandbox, folder: folder)

    #expect(second.status == 0, "\(second.standardError)")
    #expect(try sandbox.records().count == 2)
  }

  @Test func dryRunOfADuplicatePrintsTheRequest() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    _ = try send(["--phone", "+7 912 345-67-89"], sandbox: sandbox, folder: folder)

    let dry = try send(["--phone", "89123456789", "--dry-run"], sandbox: sandbox, folder: folder)

    #expect(dry.status == 0, "\(dry.standardError)")
    #expect(dry.standardOutput.contains("phone=89123456789"))
    #expect(try sandbox.records().count == 1)
  }

  @Test func helpNamesAllowDuplicate() throws {
    let folder = try ScratchFolder()
    let help = try runConsole(
      ["send", "--help"], environment: isolatedEnvironment(in: folder))

    #expect(help.standardOutput.contains("--allow-duplicate"))
  }
}
