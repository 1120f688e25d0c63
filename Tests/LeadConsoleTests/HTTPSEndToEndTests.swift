import Foundation
import Testing

/// `https://` from the command line: `lead-console sandbox --tls-cert --tls-key` serving a
/// certificate from a CA made for the test, and the commands trusting it with `--ca-file` or
/// `ca_file` in the config file.
@Suite("HTTPS end to end")
struct HTTPSEndToEndTests {
  static let key = "TESTKEY-0123456789abcdef"

  /// A CA and a server certificate for 127.0.0.1, made with `openssl` in a scratch folder.
  struct Certificates {
    let folder: ScratchFolder
    var ca: String { folder.file("ca.pem").path }
    var certificate: String { folder.file("server.pem").path }
    var key: String { folder.file("server.key").path }

    init() throws {
      let folder = try ScratchFolder()
      self.folder = folder
      let file = { (name: String) in folder.file(name).path }
      let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
      try Data("subjectAltName=IP:127.0.0.1\n".utf8).write(to: folder.file("san.ext"))
      try Self.openssl(
        ["req", "-x509"] + curve
          + ["-keyout", file("ca.key"), "-out", file("ca.pem"), "-days", "2", "-subj", "/CN=CA"])
      try Self.openssl(
        ["req"] + curve
          + ["-keyout", file("server.key"), "-out", file("server.csr"), "-subj", "/CN=127.0.0.1"])
      try Self.openssl([
        "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key"),
        "-set_serial", "2", "-days", "2", "-extfile", file("san.ext"), "-out", file("server.pem"),
      ])
    }

    private static func openssl(_ arguments: [String]) throws {
      let child = try ChildProcess(
        ["openssl"] + arguments, environment: ProcessInfo.processInfo.environment)
      let status = child.wait(within: 30)
      guard status == 0 else {
        throw SpawnError(program: "openssl \(arguments[0])", code: EINVAL)
      }
    }
  }

  @Test func sendReachesAnHTTPSSandboxOnlyWithItsCATrusted() throws {
    let certificates = try Certificates()
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: folder.file("record.jsonl"),
      extraArguments: ["--tls-cert", certificates.certificate, "--tls-key", certificates.key])
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let send = ["send", "--endpoint", sandbox.url, "--log", folder.file("h.jsonl").path]

    let untrusted = try runConsole(
      send + ["--phone", "+7 912 000-00-01"], environment: environment)
    let trusted = try runConsole(
      send + ["--phone", "+7 912 000-00-02", "--ca-file", certificates.ca],
      environment: environment)
    let keyCheck = try runConsole(
      ["check-key", "--endpoint", sandbox.url, "--ca-file", certificates.ca],
      environment: environment)

    #expect(sandbox.url.hasPrefix("https://127.0.0.1:"))
    #expect(untrusted.status == 3)
    #expect(untrusted.standardOutput.contains("unknown certificate authority"))
    #expect(trusted.status == 0, "\(trusted.standardOutput)\(trusted.standardError)")
    #expect(keyCheck.status == 0, "\(keyCheck.standardOutput)")
    #expect(try sandbox.records().count == 2)
  }

  @Test func theConfigFilesCAFileIsTrustedByRetry() throws {
    let certificates = try Certificates()
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(
      key: Self.key, recordFile: folder.file("record.jsonl"),
      extraArguments: ["--tls-cert", certificates.certificate, "--tls-key", certificates.key])
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let log = ["--log", folder.file("h.jsonl").path]
    let sent = try runConsole(
      ["send", "--endpoint", sandbox.url, "--phone", "+7 912 000-00-03"] + log,
      environment: environment)
    let config = folder.file("config/gentleman-lead-console/config.json")
    try FileManager.default.createDirectory(
      at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(#"{"ca_file": "\#(certificates.ca)"}"#.utf8).write(to: config)

    let retried = try runConsole(
      ["retry", "--endpoint", sandbox.url] + log, environment: environment)

    #expect(sent.status == 3)
    #expect(retried.status == 0, "\(retried.standardOutput)\(retried.standardError)")
    #expect(retried.standardOutput.contains("attempt 2: accepted"))
  }

  @Test(
    "the sandbox refuses half a TLS set-up or files without PEM",
    arguments: [
      (["--tls-cert", "text.pem"], Int32(2), "--tls-cert and --tls-key go together"),
      (["--tls-cert", "text.pem", "--tls-key", "text.pem"], 1, "no PEM certificate in it"),
    ])
  func sandboxRefusesABadTLSSetUp(arguments: [String], status: Int32, words: String) throws {
    let folder = try ScratchFolder()
    try Data("not a certificate\n".utf8).write(to: folder.file("text.pem"))
    let paths = arguments.map { $0.hasSuffix(".pem") ? folder.file($0).path : $0 }

    let result = try runConsole(["sandbox"] + paths, environment: isolatedEnvironment(in: folder))

    #expect(result.status == status)
    #expect(result.standardError.contains(words), "\(result.standardError)")
  }

  @Test func aMissingCAFileIsAConfigurationErrorAndNothingIsQueued() throws {
    let folder = try ScratchFolder()
    let log = folder.file("h.jsonl")

    let result = try runConsole(
      [
        "send", "--phone", "+7 912 000-00-04", "--ca-file", folder.file("nope.pem").path,
        "--log", log.path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))

    #expect(result.status == 2)
    #expect(result.standardError.contains("cannot read the CA certificate file"))
    #expect(!FileManager.default.fileExists(atPath: log.path))
  }
}
