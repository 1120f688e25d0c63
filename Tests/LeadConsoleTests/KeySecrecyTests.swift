import Foundation
import LeadCore
import Testing

/// The API key in full only in the request (and the sandbox's own record of it): every other
/// output and file of every command is scanned for it, raw and form-encoded, and every file
/// the console writes is its owner's alone.
@Suite("The API key stays out of every output and file")
struct KeySecrecyTests {
  /// `+` and `/` make the form-encoded spelling differ from the raw one.
  static let key = "SECRET+key/7d3f9a2b4c1e"
  /// Every spelling the key could leak in.
  static let spellings = [key, FormEncoder.encodeComponent(key)]
  /// What the key shows as where it may show: masked, its last four characters visible.
  static let masked = APIKey(key).masked

  /// A scratch folder, a history log, the key in the environment, and two sandboxes expecting
  /// the key: one answering by the rules, one echoing every field it got (the key included).
  final class World {
    let folder: ScratchFolder
    let log: URL
    let environment: [String: String]
    let sandbox: SandboxProcess
    let echo: SandboxProcess

    init() throws {
      folder = try ScratchFolder()
      log = folder.file("state/gentleman-lead-console/history.jsonl")
      environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": key])
      sandbox = try SandboxProcess(key: key, recordFile: folder.file("sandbox-record.jsonl"))
      echo = try SandboxProcess(
        key: key, recordFile: folder.file("echo-record.jsonl"), extraArguments: ["--fault", "echo"])
    }

    /// Runs the binary with the world's environment.
    func run(_ arguments: [String]) throws -> ProcessResult {
      try runConsole(arguments, environment: environment)
    }

    /// Every file the console wrote (config, state, history), the sandboxes' records aside:
    /// the CRM's side may keep the key whole.
    func consoleFiles() throws -> [URL] {
      let records = Set(["sandbox-record.jsonl", "echo-record.jsonl"])
      let walker = FileManager.default.enumerator(at: folder.url, includingPropertiesForKeys: nil)
      return (walker?.allObjects as? [URL] ?? []).filter { url in
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        return exists && !isDirectory.boolValue && !records.contains(url.lastPathComponent)
          && !url.lastPathComponent.hasPrefix("sandbox-")
      }
    }
  }

  /// Records an issue for each spelling of the key found in `text`.
  static func expectNoKey(in text: String, _ place: String) {
    for spelling in spellings {
      #expect(!text.contains(spelling), "the key is in \(place)")
    }
  }

  static let lead = ["--first-name", "Анна", "--phone", "+7 912 345-67-89"]

  @Test func sendAndItsVariantsPrintOnlyTheMaskedKey() throws {
    let world = try World()
    let log = ["--log", world.log.path]
    let runs: [(String, [String])] = [
      ("send", ["send", "--endpoint", world.sandbox.url] + Self.lead + log),
      ("send --json", ["send", "--json", "--endpoint", world.sandbox.url] + Self.lead + log),
      ("send to an echoing CRM", ["send", "--endpoint", world.echo.url] + Self.lead + log),
      (
        "send --get to an echoing CRM",
        ["send", "--get", "--allow-duplicate", "--endpoint", world.echo.url] + Self.lead + log
      ),
      ("send --dry-run", ["send", "--dry-run", "--endpoint", world.sandbox.url] + Self.lead),
      ("send --dry-run --get", ["send", "--dry-run", "--get"] + Self.lead),
      ("send --key --dry-run", ["send", "--key", Self.key, "--dry-run"] + Self.lead),
    ]

    for (name, arguments) in runs {
      let result = try world.run(arguments)
      Self.expectNoKey(in: result.standardOutput, "the output of \(name)")
      Self.expectNoKey(in: result.standardError, "the errors of \(name)")
      if name.contains("dry-run") {
        #expect(result.standardOutput.contains("key=\(Self.masked)"), "\(name)")
      }
    }
    let echoed = try world.run(["history", "--log", world.log.path]).standardOutput
    #expect(echoed.contains("key=\(CRMClient.redactedKey)"), "the echo is shown, key blanked")
  }

  @Test func retryHistoryAndCheckKeyPrintNoKeyAndNoFileHoldsIt() throws {
    let world = try World()
    let closed = "http://127.0.0.1:\(try unusedLoopbackPort())/api/site/"
    let log = ["--log", world.log.path]
    #expect(try world.run(["send", "--endpoint", closed] + Self.lead + log).status == 3)
    let runs: [(String, [String])] = [
      ("retry to an echoing CRM", ["retry", "--endpoint", world.echo.url] + log),
      ("history", ["history"] + log),
      ("history --json", ["history", "--json"] + log),
      ("check-key", ["check-key", "--endpoint", world.sandbox.url]),
      ("check-key to an echoing CRM", ["check-key", "--endpoint", world.echo.url]),
      ("check-key --get", ["check-key", "--get", "--endpoint", world.sandbox.url]),
    ]

    for (name, arguments) in runs {
      let result = try world.run(arguments)
      Self.expectNoKey(in: result.standardOutput, "the output of \(name)")
      Self.expectNoKey(in: result.standardError, "the errors of \(name)")
    }

    let files = try world.consoleFiles()
    #expect(files.contains(world.log))
    for file in files {
      let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
      Self.expectNoKey(in: text, file.lastPathComponent)
      #expect(!text.contains(APIKey.maskCharacter), "a masked key in \(file.lastPathComponent)")
    }
    for file in files + [world.log.deletingLastPathComponent()] {
      let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
      let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
      let expected = attributes[.type] as? FileAttributeType == .typeDirectory ? 0o700 : 0o600
      #expect(mode == expected, "\(file.path) has mode \(String(mode, radix: 8))")
    }
    let record = try String(contentsOf: world.echo.recordFile, encoding: .utf8)
    #expect(record.contains(Self.key), "the CRM's side received the key")
  }
}
