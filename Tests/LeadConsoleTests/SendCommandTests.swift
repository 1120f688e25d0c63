import Foundation
import Testing

/// `lead-console send`, the whole process, against `lead-console sandbox` over loopback.
@Suite("send command")
struct SendCommandTests {
  static let key = "TESTKEY-0123456789abcdef"

  @Test func acceptedLeadExitsZeroAndSandboxGetsExactValues() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let result = try runConsole(
      [
        "send", "--first-name", "Андрей", "--last-name", "Щёкин",
        "--phone", "+7 (999) 123-45-67", "--email", "ivan.petrov+lead@example.ru",
        "--comment", "a&b=c 100%", "--endpoint", sandbox.url, "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))

    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("accepted"))
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.map(\.0) == ["key", "phone", "email", "first_name", "last_name", "comment"])
    #expect(
      fields.map(\.1).dropFirst().map { $0 } == [
        "+7 (999) 123-45-67", "ivan.petrov+lead@example.ru", "Андрей", "Щёкин", "a&b=c 100%",
      ])
    let history = try String(contentsOf: folder.file("h.jsonl"), encoding: .utf8)
    #expect(history.contains("Щёкин"))
    #expect(!history.contains(Self.key))
  }

  @Test func wrongKeyExitsOneWithTheCRMMessage() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let result = try runConsole(
      [
        "send", "--phone", "89121234567", "--endpoint", sandbox.url,
        "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(
        in: folder, extra: ["GENTLEMAN_API_KEY": "wrong-key-000000000000"]))

    #expect(result.status == 1)
    #expect(result.standardOutput.contains("101"))
    #expect(!result.standardOutput.contains("wrong-key-000000000000"))
  }

  @Test func leadWithoutPhoneOrEmailIsRefusedBeforeSending() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let result = try runConsole(
      [
        "send", "--first-name", "Иван", "--endpoint", sandbox.url,
        "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))

    #expect(result.status == 2)
    #expect(result.standardError.contains("phone"))
    #expect(try sandbox.records().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.file("h.jsonl").path))
  }

  @Test func refusedConnectionIsNotDeliveredAndStaysQueued() throws {
    let folder = try ScratchFolder()
    let port = try unusedLoopbackPort()
    let result = try runConsole(
      [
        "send", "--email", "a@b.ru", "--endpoint", "http://127.0.0.1:\(port)/api/site/",
        "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))

    #expect(result.status == 3)
    let history = try runConsole(
      ["history", "--json", "--log", folder.file("h.jsonl").path],
      environment: isolatedEnvironment(in: folder))
    #expect(history.standardOutput.contains("\"state\":\"not_delivered\""))
  }

  @Test func dryRunPrintsExactBodyWithKeyMaskedAndSendsNothing() throws {
    let folder = try ScratchFolder()
    let result = try runConsole(
      [
        "send", "--first-name", "Андрей", "--phone", "+7 (999) 123-45-67",
        "--comment", "line1\nline2", "--dry-run", "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))

    #expect(result.status == 0)
    #expect(result.standardOutput.contains("POST"))
    #expect(
      result.standardOutput.contains(
        "&phone=%2B7+%28999%29+123-45-67&first_name=%D0%90%D0%BD%D0%B4%D1%80%D0%B5%D0%B9"
          + "&comment=line1%0Aline2"))
    #expect(result.standardOutput.contains("cdef"))
    #expect(!result.standardOutput.contains(Self.key))
    #expect(!FileManager.default.fileExists(atPath: folder.file("h.jsonl").path))
  }

  @Test func getWarnsThatTheKeyTravelsInTheURL() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let result = try runConsole(
      [
        "send", "--get", "--phone", "+7 912 000-00-00", "--endpoint", sandbox.url,
        "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))

    #expect(result.status == 0)
    #expect(result.standardError.contains("GET puts the API key in the URL"))
    #expect(try sandbox.records().first?["method"] as? String == "GET")
    #expect(try sandbox.fields(ofRecord: 0).first { $0.0 == "phone" }?.1 == "+7 912 000-00-00")
  }

  @Test func missingKeySaysWhereToPutOne() throws {
    let folder = try ScratchFolder()
    let result = try runConsole(
      ["send", "--phone", "89121234567", "--log", folder.file("h.jsonl").path],
      environment: isolatedEnvironment(in: folder))

    #expect(result.status == 2)
    #expect(result.standardError.contains("GENTLEMAN_API_KEY"))
    #expect(result.standardError.contains("config.json"))
  }

  @Test(arguments: [
    ["send", "--phone"],
    ["send", "--bogus", "x"],
    ["send", "--field", "no-equals-sign"],
    ["send", "--timeout", "soon"],
  ])
  func usageMistakesExitTwo(arguments: [String]) throws {
    let folder = try ScratchFolder()
    let result = try runConsole(arguments, environment: isolatedEnvironment(in: folder))
    #expect(result.status == 2)
    #expect(result.standardError.contains("Try 'lead-console send --help'."))
  }

  @Test func aConfigFileOthersCanReadIsRefusedByNameWithoutPointingAtTheUsage() throws {
    let folder = try ScratchFolder()
    let config = folder.file("config/gentleman-lead-console/config.json")
    try FileManager.default.createDirectory(
      at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(#"{ "api_key": "\#(Self.key)" }"#.utf8).write(to: config)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config.path)

    let result = try runConsole(
      ["send", "--phone", "89121234567", "--log", folder.file("h.jsonl").path],
      environment: isolatedEnvironment(in: folder))

    #expect(result.status == 2)
    #expect(result.standardError.contains(config.path), "\(result.standardError)")
    #expect(!result.standardError.contains("--help"), "\(result.standardError)")
    #expect(!result.standardError.contains(Self.key))
  }

  @Test func versionPrintsTheVersion() throws {
    let folder = try ScratchFolder()
    let result = try runConsole(["--version"], environment: isolatedEnvironment(in: folder))
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("lead-console "))
  }
}

/// A loopback port with nothing listening: bound once by the kernel's choice, then closed.
func unusedLoopbackPort() throws -> UInt16 {
  let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(socketFD) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
      bind(socketFD, socketAddress, length) == 0
        && getsockname(socketFD, socketAddress, &length) == 0
    }
  }
  #expect(bound)
  return UInt16(bigEndian: address.sin_port)
}
