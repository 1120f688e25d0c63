import Foundation

/// The settings a command runs with, resolved from options, environment and the config file.
public struct Configuration: Sendable {
  /// The API key, if any source gave one.
  public var key: APIKey?
  /// Which source the key came from.
  public var keySource: KeySource
  /// The CRM endpoint.
  public var endpoint: String
  /// The connect timeout and total deadline.
  public var timeouts: Timeouts
  /// A PEM file of CA certificates trusted for `https://` endpoints besides the system's.
  public var caFile: String?
  /// The operator's name recorded with each lead, from the config file.
  public var operatorName: String?
  /// How many attempts a lead gets before resending stops (console and `retry`).
  public var maxAttempts: Int
  /// At most this many resend requests per second (console and `retry`).
  public var requestsPerSecond: Double
  /// After how many days an accepted or done lead loses its personal data at compaction; nil
  /// (the default) keeps everything.
  public var retentionDays: Int?
  /// Things the operator should know before sending, e.g. that `--key` shows in `ps`.
  public var warnings: [String]
  /// The config file that was consulted, whether or not it exists.
  public var configFile: URL?

  /// The environment variable holding the API key.
  public static let keyVariable = "GENTLEMAN_API_KEY"
  /// The directory name under the XDG config and state directories.
  public static let applicationDirectory = "gentleman-lead-console"

  /// Resolves every setting: options first, then the environment, then the config file.
  ///
  /// A missing key is not an error here: `key` is nil and `missingKeyHelp` says where to put one.
  /// A missing config file is fine too; a config file that cannot be read or parsed is not.
  public static func resolve(
    keyFlag: String?,
    endpointFlag: String?,
    connectTimeoutFlag: Double?,
    timeoutFlag: Double?,
    caFileFlag: String? = nil,
    environment: [String: String],
    configFile: URL?
  ) throws(ConfigurationError) -> Configuration {
    let file = try configFile.map { (url) throws(ConfigurationError) in try ConfigFile.read(url) }
    let fileSetting = { (name: String) in "\(name) in \(configFile?.path ?? "the config file")" }
    var warnings = file?.warnings ?? []

    let (key, keySource) = resolveKey(
      flag: keyFlag, environment: environment, file: file, warnings: &warnings)

    let endpoint: String
    if let flag = endpointFlag {
      try refuseKey(key, in: flag, setting: "--endpoint")
      endpoint = try checkedEndpoint(flag, setting: "--endpoint")
    } else if let value = file?.endpoint {
      try refuseKey(key, in: value, setting: fileSetting("endpoint"))
      endpoint = try checkedEndpoint(value, setting: fileSetting("endpoint"))
    } else {
      endpoint = CRMClient.defaultEndpoint
    }

    let connect = try checkedTimeout(
      flag: connectTimeoutFlag, flagName: "--connect-timeout", fileValue: file?.connectTimeout,
      fileSetting: fileSetting("connect_timeout"), standard: Timeouts.standard.connect)
    let total = try checkedTimeout(
      flag: timeoutFlag, flagName: "--timeout", fileValue: file?.timeout,
      fileSetting: fileSetting("timeout"), standard: Timeouts.standard.total)
    // Only a connect timeout someone set is worth a word; the default simply yields to a
    // shorter total (the total bounds the connection too).
    let connectWasSet = connectTimeoutFlag != nil || file?.connectTimeout != nil
    if connect > total, connectWasSet {
      warnings.append(
        "the connect timeout (\(connect) s) is longer than the total timeout (\(total) s);"
          + " the total applies")
    }

    let caFile: String?
    if let flag = caFileFlag {
      caFile = try checkedCAFile(flag, setting: "--ca-file")
    } else if let value = file?.caFile, let configFile {
      // A relative path in the file means beside the file, wherever the console is started.
      let path =
        value.hasPrefix("/")
        ? value : configFile.deletingLastPathComponent().appendingPathComponent(value).path
      caFile = try checkedCAFile(path, setting: fileSetting("ca_file"))
    } else {
      caFile = nil
    }

    let operatorName = file?.operatorName?.trimmingSurroundingWhitespace()
    return Configuration(
      key: key, keySource: keySource, endpoint: endpoint,
      timeouts: Timeouts(connect: connect, total: total), caFile: caFile,
      operatorName: operatorName?.isEmpty == false ? operatorName : nil,
      maxAttempts: file?.maxAttempts ?? RetryPlan.defaultMaxAttempts,
      requestsPerSecond: file?.requestsPerSecond ?? RetryPlan.defaultRate,
      retentionDays: file?.retentionDays, warnings: warnings, configFile: configFile)
  }

  /// What to tell the operator when no key was found: every place a key can come from.
  public var missingKeyHelp: String {
    let path = configFile?.path ?? "~/.config/\(Self.applicationDirectory)/config.json"
    return "No API key. Give one with --key KEY (other users can see it in the process list),"
      + " set \(Self.keyVariable), or write {\"key\": \"KEY\"} to \(path) (chmod 600)."
      + " An administrator finds the key in the CRM under Settings > Site integration,"
      + " column \"API code\"."
  }

  /// `$XDG_CONFIG_HOME/gentleman-lead-console/config.json`, else under `~/.config`.
  public static func defaultConfigFile(environment: [String: String]) -> URL {
    baseDirectory("XDG_CONFIG_HOME", fallback: ".config", environment: environment)
      .appendingPathComponent(applicationDirectory, isDirectory: true)
      .appendingPathComponent("config.json", isDirectory: false)
  }

  /// `$XDG_STATE_HOME/gentleman-lead-console/history.jsonl`, else under `~/.local/state`.
  public static func defaultHistoryFile(environment: [String: String]) -> URL {
    baseDirectory("XDG_STATE_HOME", fallback: ".local/state", environment: environment)
      .appendingPathComponent(applicationDirectory, isDirectory: true)
      .appendingPathComponent("history.jsonl", isDirectory: false)
  }

  /// The XDG variable when it is an absolute path (the spec ignores relative ones), else
  /// the fallback under the home directory.
  private static func baseDirectory(
    _ variable: String, fallback: String, environment: [String: String]
  ) -> URL {
    if let value = environment[variable], value.hasPrefix("/") {
      return URL(fileURLWithPath: value, isDirectory: true)
    }
    let home =
      environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? FileManager.default.homeDirectoryForCurrentUser.path
    return URL(fileURLWithPath: home, isDirectory: true)
      .appendingPathComponent(fallback, isDirectory: true)
  }

  /// The first non-blank key of flag, environment and file, trimmed of surrounding whitespace.
  private static func resolveKey(
    flag: String?, environment: [String: String], file: ConfigFile?, warnings: inout [String]
  ) -> (APIKey?, KeySource) {
    let candidates: [(String?, KeySource)] = [
      (flag, .flag), (environment[keyVariable], .environment), (file?.key, .configFile),
    ]
    for (raw, source) in candidates {
      guard let raw else { continue }
      let value = raw.trimmingSurroundingWhitespace()
      guard !value.isEmpty else {
        warnings.append("\(name(of: source)) is empty and was ignored")
        continue
      }
      if source == .flag {
        warnings.append(
          "--key is visible to other users in the process list; prefer \(keyVariable)"
            + " or the config file")
      }
      return (APIKey(value), source)
    }
    return (nil, .none)
  }

  private static func name(of source: KeySource) -> String {
    switch source {
    case .flag: "--key"
    case .environment: keyVariable
    case .configFile: "key in the config file"
    case .none: "no key"
    }
  }

  /// The endpoint is shown on screen and kept in the history with every lead: the key, plain or
  /// percent-encoded, must not ride in it. Checked before anything echoes the endpoint.
  static func refuseKey(
    _ key: APIKey?, in endpoint: String, setting: String
  ) throws(ConfigurationError) {
    guard let key, !key.value.isEmpty else { return }
    let spellings = [endpoint, endpoint.removingPercentEncoding ?? endpoint]
    if spellings.contains(where: { $0.contains(key.value) }) {
      throw .keyInEndpoint(setting: setting)
    }
  }

  static func checkedEndpoint(
    _ value: String, setting: String
  ) throws(ConfigurationError) -> String {
    let trimmed = value.trimmingSurroundingWhitespace()
    let lower = trimmed.lowercased()
    let scheme = ["http://", "https://"].first { lower.hasPrefix($0) }
    let hasBadCharacter = trimmed.unicodeScalars.contains {
      $0.properties.isWhitespace || $0.properties.generalCategory == .control
    }
    let components = URLComponents(string: trimmed)
    if components?.user != nil || components?.password != nil {
      throw .credentialsInEndpoint(setting: setting)
    }
    guard let scheme, !hasBadCharacter,
      let host = components?.host, !host.isEmpty,
      trimmed.count > scheme.count
    else {
      throw .invalidEndpoint(setting: setting, value: value)
    }
    return trimmed
  }

  /// A CA file must be a readable file: a typo here would otherwise show only as every lead
  /// "not delivered".
  static func checkedCAFile(_ path: String, setting: String) throws(ConfigurationError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadableCAFile(setting: setting, path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .unreadableCAFile(setting: setting, path: path, reason: "it is a directory")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw .unreadableCAFile(setting: setting, path: path, reason: "permission denied")
    }
    return path
  }

  private static func checkedTimeout(
    flag: Double?, flagName: String, fileValue: Double?, fileSetting: String, standard: Double
  ) throws(ConfigurationError) -> Double {
    let (value, setting): (Double, String) =
      if let flag { (flag, flagName) } else if let fileValue { (fileValue, fileSetting) } else {
        (standard, "default")
      }
    guard Timeouts.allowedRange.contains(value) else {
      throw .timeoutOutOfRange(setting: setting, value: value)
    }
    return value
  }
}
