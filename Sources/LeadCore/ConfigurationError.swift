/// Why the settings could not be resolved; nothing is sent while one of these stands.
public enum ConfigurationError: Error, Equatable, Sendable {
  /// The config file exists but cannot be read.
  case unreadableConfigFile(path: String, reason: String)
  /// The config file is not a JSON object.
  case malformedConfigFile(path: String, detail: String)
  /// A setting has the wrong type, e.g. a timeout written as text.
  case invalidSetting(setting: String, detail: String)
  /// A timeout outside `Timeouts.allowedRange`.
  case timeoutOutOfRange(setting: String, value: Double)
  /// An endpoint that is not an http or https URL.
  case invalidEndpoint(setting: String, value: String)
  /// The endpoint holds the API key (in its query, say): it would be shown and logged.
  case keyInEndpoint(setting: String)
  /// The endpoint holds a user name or password (`http://user:secret@host/`).
  case credentialsInEndpoint(setting: String)
  /// The config file holds the API key and its group or others may read or change it.
  case keyFileOpenToOthers(path: String, mode: Int)
  /// Other users may change the config file, and with it where the key and the leads go.
  case configFileWritableByOthers(path: String, mode: Int)
  /// Other users may replace the config file through its folder.
  case configFolderWritableByOthers(path: String, mode: Int)
  /// The CA certificate file to trust cannot be read.
  case unreadableCAFile(setting: String, path: String, reason: String)
}

extension ConfigurationError {
  /// A file mode as `ls` and `chmod` write it, four octal digits.
  static func octal(_ mode: Int) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension ConfigurationError: CustomStringConvertible {
  /// What is wrong and where, in words an operator can act on.
  public var description: String {
    switch self {
    case .unreadableConfigFile(let path, let reason):
      return "cannot read the config file \(path): \(reason)"
    case .malformedConfigFile(let path, let detail):
      return "the config file \(path) is not valid JSON (\(detail)); it must be an object such as"
        + #" {"key": "...", "endpoint": "http://..."}"#
    case .invalidSetting(let setting, let detail):
      return "\(setting): \(detail)"
    case .timeoutOutOfRange(let setting, let value):
      let range = Timeouts.allowedRange
      return "\(setting) is \(value) s; it must be between \(range.lowerBound) and"
        + " \(range.upperBound) seconds"
    case .invalidEndpoint(let setting, let value):
      return "\(setting) \"\(TextExcerpt.of(value, limit: 120))\" is not an http:// or https://"
        + " URL with a host"
    case .keyInEndpoint(let setting):
      return "\(setting) holds the API key; give the endpoint without it and the key as"
        + " --key, \(Configuration.keyVariable) or \"key\" in the config file"
    case .credentialsInEndpoint(let setting):
      return "\(setting) holds a user name or password; the CRM takes only the API key,"
        + " given as --key, \(Configuration.keyVariable) or \"key\" in the config file"
    case .keyFileOpenToOthers(let path, let mode):
      return "the config file \(path) holds the API key but other users can read or change it (mode"
        + " \(Self.octal(mode))); nothing is sent until only you can: run chmod 600 \(path)"
    case .configFileWritableByOthers(let path, let mode):
      return "other users can change the config file \(path) (mode \(Self.octal(mode))), and with"
        + " it where the key and the leads go; nothing is sent until only you can: run chmod 600"
        + " \(path)"
    case .configFolderWritableByOthers(let path, let mode):
      return "other users can replace the config file in \(path) (mode \(Self.octal(mode)));"
        + " nothing is sent until only you can: run chmod 700 \(path)"
    case .unreadableCAFile(let setting, let path, let reason):
      return "\(setting): cannot read the CA certificate file \(path): \(reason)"
    }
  }
}

/// Where the API key came from.
public enum KeySource: String, Sendable, Equatable {
  /// The `--key` option.
  case flag
  /// The `GENTLEMAN_API_KEY` environment variable.
  case environment
  /// `key` in the config file.
  case configFile = "config_file"
  /// No key anywhere.
  case none
}
