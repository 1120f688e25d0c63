import Foundation
import Testing

@testable import LeadCore

@Suite("Configuration")
struct ConfigurationTests {
  private func resolve(
    key: String? = nil, endpoint: String? = nil, connectTimeout: Double? = nil,
    timeout: Double? = nil, caFile: String? = nil, environment: [String: String] = [:],
    file: URL? = nil
  ) throws(ConfigurationError) -> Configuration {
    try Configuration.resolve(
      keyFlag: key, endpointFlag: endpoint, connectTimeoutFlag: connectTimeout,
      timeoutFlag: timeout, caFileFlag: caFile, environment: environment, configFile: file)
  }

  @Test func takesTheKeyFromTheFlagFirstAndWarnsThatPsShowsIt() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"key": "from-file-000000"}"#, to: "config.json")

    let configuration = try resolve(
      key: "from-flag-000000", environment: ["GENTLEMAN_API_KEY": "from-env-000000"], file: file)

    #expect(configuration.key == APIKey("from-flag-000000"))
    #expect(configuration.keySource == .flag)
    #expect(configuration.warnings.contains { $0.contains("--key") && $0.contains("process list") })
    #expect(!configuration.warnings.joined().contains("from-flag"))
  }

  @Test func takesTheKeyFromTheEnvironmentBeforeTheFile() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"key": "from-file-000000"}"#, to: "config.json")

    let configuration = try resolve(
      environment: ["GENTLEMAN_API_KEY": " from-env-000000\n"], file: file)

    #expect(configuration.key == APIKey("from-env-000000"))
    #expect(configuration.keySource == .environment)
    #expect(configuration.warnings.isEmpty)
  }

  @Test func readsEverySettingFromTheConfigFile() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(
      """
      {"key": "from-file-000000", "endpoint": "http://127.0.0.1:9/api/site/",
       "connect_timeout": 2.5, "timeout": 7, "operator": " Мария "}
      """, to: "config.json")

    let configuration = try resolve(environment: ["GENTLEMAN_API_KEY": ""], file: file)

    #expect(configuration.key == APIKey("from-file-000000"))
    #expect(configuration.keySource == .configFile)
    #expect(configuration.endpoint == "http://127.0.0.1:9/api/site/")
    #expect(configuration.timeouts == Timeouts(connect: 2.5, total: 7))
    #expect(configuration.operatorName == "Мария")
    #expect(configuration.warnings.contains { $0.contains("GENTLEMAN_API_KEY is empty") })
  }

  @Test func flagsOverrideTheConfigFile() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(
      #"{"endpoint": "http://127.0.0.1:9/", "connect_timeout": 3, "timeout": 9}"#, to: "c.json")

    let configuration = try resolve(
      endpoint: "https://127.0.0.1:8443/api/site", connectTimeout: 1, timeout: 2.5, file: file)

    #expect(configuration.endpoint == "https://127.0.0.1:8443/api/site")
    #expect(configuration.timeouts == Timeouts(connect: 1, total: 2.5))
  }

  @Test func usesTheDefaultsWithoutAnyConfiguration() throws {
    let directory = try TemporaryDirectory()

    let configuration = try resolve(file: directory.file("missing/config.json"))

    #expect(configuration.key == nil)
    #expect(configuration.keySource == .none)
    #expect(configuration.endpoint == CRMClient.defaultEndpoint)
    #expect(configuration.timeouts == .standard)
    #expect(configuration.operatorName == nil)
  }

  @Test func explainsWhereToPutAMissingKey() throws {
    let directory = try TemporaryDirectory()
    let file = directory.file("config.json")

    let help = try resolve(file: file).missingKeyHelp

    #expect(help.contains("--key"))
    #expect(help.contains("GENTLEMAN_API_KEY"))
    #expect(help.contains(file.path))
  }

  @Test(
    "rejects timeouts outside the allowed range, naming the setting",
    arguments: [
      (0.0, nil, "--connect-timeout"), (nil, 301.0, "--timeout"), (-1.0, nil, "--connect-timeout"),
      (nil, Double.nan, "--timeout"), (nil, Double.infinity, "--timeout"),
    ] as [(Double?, Double?, String)])
  func rejectsTimeoutFlag(connect: Double?, total: Double?, setting: String) {
    #expect {
      try resolve(connectTimeout: connect, timeout: total)
    } throws: { error in
      guard case .timeoutOutOfRange(let named, _) = error as? ConfigurationError else {
        return false
      }
      return named == setting
        && (error as? ConfigurationError)?.description.contains(setting) == true
    }
  }

  @Test(
    "refuses an endpoint that carries the key, without echoing it",
    arguments: [
      "http://127.0.0.1:8080/api/site/?key=TESTKEY-0123456789abcdef",
      "http://127.0.0.1:8080/TESTKEY%2D0123456789abcdef/",
    ])
  func refusesKeyInEndpoint(endpoint: String) {
    let error = #expect(throws: ConfigurationError.self) {
      try resolve(key: "TESTKEY-0123456789abcdef", endpoint: endpoint)
    }
    #expect(error == .keyInEndpoint(setting: "--endpoint"))
    #expect(error?.description.contains("0123456789abcdef") == false)
  }

  @Test func refusesAnEndpointWithAUserAndPassword() {
    let error = #expect(throws: ConfigurationError.self) {
      try resolve(endpoint: "http://user:secret@127.0.0.1:8080/api/site/")
    }
    #expect(error == .credentialsInEndpoint(setting: "--endpoint"))
    #expect(error?.description.contains("secret") == false)
  }

  @Test func readsTheResendLimitsFromTheFileWithDefaultsOtherwise() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(
      #"{"max_attempts": 8, "requests_per_second": 0.5}"#, to: "config.json")

    let configured = try resolve(file: file)
    #expect(configured.maxAttempts == 8)
    #expect(configured.requestsPerSecond == 0.5)
    let standard = try resolve()
    #expect(standard.maxAttempts == RetryPlan.defaultMaxAttempts)
    #expect(standard.requestsPerSecond == RetryPlan.defaultRate)
  }

  @Test(
    "refuses resend limits out of range, naming the setting",
    arguments: [
      #"{"max_attempts": 0}"#, #"{"max_attempts": 2.5}"#, #"{"requests_per_second": 0}"#,
      #"{"requests_per_second": "fast"}"#,
    ])
  func refusesResendLimits(text: String) throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(text, to: "config.json")
    let error = #expect(throws: ConfigurationError.self) { try resolve(file: file) }
    guard case .invalidSetting(let setting, _) = error else {
      Issue.record("expected an invalid setting, got \(String(describing: error))")
      return
    }
    #expect(setting.hasPrefix("max_attempts") || setting.hasPrefix("requests_per_second"))
  }

  @Test func retentionIsOffUnlessTheFileSetsIt() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"retention_days": 90}"#, to: "config.json")
    #expect(try resolve(file: file).retentionDays == 90)
    #expect(try resolve().retentionDays == nil)
  }

  @Test(
    "refuses a retention that is not a whole number of days",
    arguments: [
      #"{"retention_days": 0}"#, #"{"retention_days": 1.5}"#, #"{"retention_days": "90"}"#,
      #"{"retention_days": 36501}"#,
    ])
  func refusesRetention(text: String) throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(text, to: "config.json")
    let error = #expect(throws: ConfigurationError.self) { try resolve(file: file) }
    guard case .invalidSetting(let setting, let detail) = error else {
      Issue.record("expected an invalid setting, got \(String(describing: error))")
      return
    }
    #expect(setting.hasPrefix("retention_days"))
    #expect(detail.contains("whole number of days"))
  }

  @Test func warnsOnlyWhenAConnectTimeoutSetOnPurposeExceedsTheTotal() throws {
    let shortTotal = try resolve(timeout: 1)
    #expect(shortTotal.timeouts.total == 1)
    #expect(!shortTotal.warnings.contains { $0.contains("connect timeout") })

    let both = try resolve(connectTimeout: 3, timeout: 1)
    #expect(both.warnings.contains { $0.contains("connect timeout (3.0 s)") })
  }

  @Test func rejectsATimeoutInTheFileNamingTheSettingAndFile() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"timeout": 0.01}"#, to: "config.json")

    let error = #expect(throws: ConfigurationError.self) { try resolve(file: file) }

    #expect(error == .timeoutOutOfRange(setting: "timeout in \(file.path)", value: 0.01))
  }

  @Test(
    "rejects malformed config files, naming the file",
    arguments: [
      #"{"key": "abc""#, "key = abc", #"["key"]"#, "{\"key\": \"a\u{1B}[2J\"", "\u{FF}{}",
    ])
  func rejectsMalformedFile(text: String) throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(text, to: "config.json")

    let error = #expect(throws: ConfigurationError.self) { try resolve(file: file) }

    guard case .malformedConfigFile(let path, _) = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(path == file.path)
    #expect(error?.description.contains(file.path) == true)
    #expect(error?.description.contains("\u{1B}") == false)
  }

  @Test(
    "rejects settings of the wrong type, naming them",
    arguments: [
      (#"{"timeout": "5"}"#, "timeout"), (#"{"key": 123}"#, "key"),
      (#"{"endpoint": null}"#, "endpoint"), (#"{"connect_timeout": true}"#, "connect_timeout"),
    ])
  func rejectsWrongType(text: String, setting: String) throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(text, to: "config.json")

    let error = #expect(throws: ConfigurationError.self) { try resolve(file: file) }

    guard case .invalidSetting(let named, _) = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(named == "\(setting) in \(file.path)")
  }

  @Test(
    "rejects endpoints that are not http URLs",
    arguments: ["api.gentlemancrm.com/api/site", "ftp://127.0.0.1/", "http://", "http://a b/", ""])
  func rejectsEndpoint(endpoint: String) {
    #expect(throws: ConfigurationError.invalidEndpoint(setting: "--endpoint", value: endpoint)) {
      try resolve(endpoint: endpoint)
    }
  }

  @Test(
    "refuses a config file holding the key that others may read or change",
    arguments: [0o644, 0o640, 0o604, 0o620, 0o660, 0o666, 0o606])
  func refusesAConfigFileOpenToOthers(mode: Int) throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"key": "from-file-000000"}"#, to: "c.json", mode: mode)

    let error = #expect(throws: ConfigurationError.self) {
      try resolve(environment: ["GENTLEMAN_API_KEY": "from-env-000000"], file: file)
    }

    #expect(error == .keyFileOpenToOthers(path: file.path, mode: mode))
    let words = error?.description ?? ""
    #expect(words.contains("other users can read or change it"))
    #expect(words.hasSuffix("run chmod 600 \(file.path)"))
    #expect(!words.contains("from-file"))
  }

  @Test("reads a config file only its owner can read", arguments: [0o600, 0o400])
  func readsAPrivateConfigFile(mode: Int) throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"key": "from-file-000000"}"#, to: "c.json", mode: mode)

    #expect(try resolve(file: file).key == APIKey("from-file-000000"))
  }

  @Test func readsAnOpenConfigFileThatHoldsNoKey() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"operator": "Мария"}"#, to: "c.json", mode: 0o644)

    #expect(try resolve(file: file).operatorName == "Мария")
  }

  @Test(
    "refuses a config file others may change even without a key: it names the endpoint",
    arguments: [0o666, 0o646, 0o664, 0o622])
  func refusesAConfigFileOthersMayChange(mode: Int) throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(
      #"{"endpoint": "http://127.0.0.1:9/api/site/"}"#, to: "c.json", mode: mode)

    let error = #expect(throws: ConfigurationError.self) {
      try resolve(environment: ["GENTLEMAN_API_KEY": "from-env-000000"], file: file)
    }

    #expect(error == .configFileWritableByOthers(path: file.path, mode: mode))
    #expect(error?.description.hasSuffix("run chmod 600 \(file.path)") == true)
    #expect(error?.description.contains("from-env") == false)
  }

  @Test func refusesAConfigFileInAFolderOthersMayChange() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"key": "from-file-000000"}"#, to: "shared/c.json")
    let folder = file.deletingLastPathComponent()
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)

    #expect(throws: ConfigurationError.configFolderWritableByOthers(path: folder.path, mode: 0o777))
    {
      try resolve(file: file)
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    #expect(try resolve(file: file).key == APIKey("from-file-000000"))
  }

  @Test func takesTheCAFileFromTheFlagBeforeTheFile() throws {
    let directory = try TemporaryDirectory()
    let flagCA = try directory.write("PEM", to: "flag-ca.pem")
    try directory.write("PEM", to: "file-ca.pem")
    let file = try directory.write(#"{"ca_file": "file-ca.pem"}"#, to: "c.json")

    #expect(try resolve(caFile: flagCA.path, file: file).caFile == flagCA.path)
    #expect(try resolve(file: file).caFile == directory.file("file-ca.pem").path)
    #expect(try resolve().caFile == nil)
  }

  @Test(
    "refuses a CA file that cannot be read",
    arguments: [("missing.pem", "no such file"), ("folder", "it is a directory")])
  func refusesAnUnreadableCAFile(name: String, reason: String) throws {
    let directory = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      at: directory.file("folder"), withIntermediateDirectories: true)
    let path = directory.file(name).path

    let error = #expect(throws: ConfigurationError.self) { try resolve(caFile: path) }

    #expect(error == .unreadableCAFile(setting: "--ca-file", path: path, reason: reason))
  }

  @Test func warnsAboutUnknownSettings() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"endpiont": "http://x/"}"#, to: "c.json")

    let configuration = try resolve(file: file)

    #expect(configuration.warnings.contains { $0.contains("endpiont") })
  }

  @Test func treatsAnEmptyConfigFileAsNoSettings() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(" \n", to: "c.json")

    #expect(try resolve(file: file).endpoint == CRMClient.defaultEndpoint)
  }

  @Test func reportsAnUnreadableConfigFile() throws {
    let directory = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      at: directory.file("config.json"), withIntermediateDirectories: true)

    let error = #expect(throws: ConfigurationError.self) {
      try resolve(file: directory.file("config.json"))
    }

    guard case .unreadableConfigFile(let path, _) = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(path == directory.file("config.json").path)
  }

  @Test(
    "places the config and history files by the XDG rules",
    arguments: [
      (
        ["XDG_CONFIG_HOME": "/x/conf", "XDG_STATE_HOME": "/x/state", "HOME": "/home/op"],
        "/x/conf/gentleman-lead-console/config.json",
        "/x/state/gentleman-lead-console/history.jsonl"
      ),
      (
        ["HOME": "/home/op"], "/home/op/.config/gentleman-lead-console/config.json",
        "/home/op/.local/state/gentleman-lead-console/history.jsonl"
      ),
      (
        ["XDG_CONFIG_HOME": "relative", "XDG_STATE_HOME": "", "HOME": "/home/op"],
        "/home/op/.config/gentleman-lead-console/config.json",
        "/home/op/.local/state/gentleman-lead-console/history.jsonl"
      ),
    ])
  func placesFiles(environment: [String: String], config: String, history: String) {
    #expect(Configuration.defaultConfigFile(environment: environment).path == config)
    #expect(Configuration.defaultHistoryFile(environment: environment).path == history)
  }
}
