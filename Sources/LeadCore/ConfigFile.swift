import Foundation

/// The settings of the JSON config file, each optional, plus remarks about the file itself.
struct ConfigFile: Equatable {
  var key: String?
  var endpoint: String?
  var connectTimeout: Double?
  var timeout: Double?
  var operatorName: String?
  var maxAttempts: Int?
  var requestsPerSecond: Double?
  var caFile: String?
  var retentionDays: Int?
  var warnings: [String] = []

  /// The JSON member names, as documented.
  static let knownSettings = [
    "key", "endpoint", "connect_timeout", "timeout", "operator", "max_attempts",
    "requests_per_second", "ca_file", "retention_days",
  ]

  /// Reads the file; a missing file is an empty configuration. A file holding the key that
  /// other users may read is refused: the key lets anyone write into the CRM. A file, or its
  /// folder, that other users may change is refused too, key or not.
  static func read(_ url: URL) throws(ConfigurationError) -> ConfigFile {
    let path = url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
      return ConfigFile()
    } catch {
      throw .unreadableConfigFile(path: path, reason: reason(for: error, path: path))
    }
    guard data.contains(where: { !isJSONSpace($0) }) else {
      return ConfigFile()
    }

    let file = try parse(data, path: path)
    let mode = permissions(of: path)
    if file.key != nil, let mode, mode & 0o077 != 0 {
      throw .keyFileOpenToOthers(path: path, mode: mode & 0o777)
    }
    // Whoever can change the file or replace it chooses the endpoint and the CA the key and
    // every lead go to, so neither may be open to others even when the key is elsewhere.
    if let mode, mode & 0o022 != 0 {
      throw .configFileWritableByOthers(path: path, mode: mode & 0o777)
    }
    let folder = url.deletingLastPathComponent().path
    if let folderMode = permissions(of: folder), folderMode & 0o022 != 0 {
      throw .configFolderWritableByOthers(path: folder, mode: folderMode & 0o777)
    }
    return file
  }

  /// Decodes the object member by member so that a wrong type names its setting.
  static func parse(_ data: Data, path: String) throws(ConfigurationError) -> ConfigFile {
    let object: [String: JSONValue]
    do {
      object = try JSONDecoder().decode([String: JSONValue].self, from: data)
    } catch {
      throw .malformedConfigFile(path: path, detail: detail(of: error))
    }

    var file = ConfigFile()
    let setting = { (name: String) in "\(name) in \(path)" }
    for (name, value) in object.sorted(by: { $0.key < $1.key }) {
      switch (name, value) {
      case ("key", .string(let text)): file.key = text
      case ("ca_file", .string(let text)): file.caFile = text
      case ("endpoint", .string(let text)): file.endpoint = text
      case ("operator", .string(let text)): file.operatorName = text
      case ("connect_timeout", .number(let number)): file.connectTimeout = number
      case ("timeout", .number(let number)): file.timeout = number
      case ("max_attempts", .number(let number))
      where number == number.rounded() && (1...1000).contains(number):
        file.maxAttempts = Int(number)
      case ("requests_per_second", .number(let number)) where number > 0 && number <= 100:
        file.requestsPerSecond = number
      case ("retention_days", .number(let number))
      where number == number.rounded() && (1...36_500).contains(number):
        file.retentionDays = Int(number)
      case ("retention_days", _):
        throw .invalidSetting(
          setting: setting(name), detail: "must be a whole number of days from 1 to 36500")
      case ("max_attempts", _):
        throw .invalidSetting(
          setting: setting(name), detail: "must be a whole number from 1 to 1000")
      case ("requests_per_second", _):
        throw .invalidSetting(setting: setting(name), detail: "must be a number above 0, up to 100")
      case ("key", _), ("endpoint", _), ("operator", _), ("ca_file", _):
        throw .invalidSetting(setting: setting(name), detail: "must be a string in quotes")
      case ("connect_timeout", _), ("timeout", _):
        throw .invalidSetting(setting: setting(name), detail: "must be a number of seconds")
      default:
        file.warnings.append(
          "\(setting(TextExcerpt.of(name, limit: 40))) is not a known setting and was ignored"
            + " (known: \(knownSettings.joined(separator: ", ")))")
      }
    }
    return file
  }

  private static func isJSONSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func permissions(of path: String) -> Int? {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.posixPermissions] as? NSNumber)?.intValue
  }

  private static func reason(for error: any Error, path: String) -> String {
    if let cocoa = error as? CocoaError {
      switch cocoa.code {
      case .fileReadNoPermission: return "permission denied"
      case .fileReadInvalidFileName: return "not a valid file name"
      default: break
      }
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return "it is a directory"
    }
    return TextExcerpt.of(error.localizedDescription, limit: 120)
  }

  /// The decoder's own words (they carry the line and column), made one safe line.
  private static func detail(of error: any Error) -> String {
    guard let decoding = error as? DecodingError else {
      return TextExcerpt.of(String(describing: error), limit: 160)
    }
    switch decoding {
    case .dataCorrupted(let context):
      let underlying = context.underlyingError.map { String(describing: $0) } ?? ""
      let words = context.debugDescription + (underlying.isEmpty ? "" : ": \(underlying)")
      return TextExcerpt.of(words, limit: 160)
    case .typeMismatch, .valueNotFound, .keyNotFound:
      return "the top level must be a JSON object { ... }"
    @unknown default:
      return TextExcerpt.of(String(describing: decoding), limit: 160)
    }
  }
}

/// Any JSON value, told apart just enough to check a setting's type.
enum JSONValue: Decodable, Equatable {
  case string(String)
  case number(Double)
  case other

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self = .string(text)
    } else if (try? container.decode(Bool.self)) != nil {
      self = .other
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else {
      self = .other
    }
  }
}
