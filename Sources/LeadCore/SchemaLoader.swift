import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a schema file, strictly: every problem in it is reported, with the field it concerns
/// and its line and column, and a file with any problem gives no schema at all.
///
/// The file is a JSON object:
///
/// ```json
/// { "comment": "notes for admins, ignored",
///   "fields": [
///     { "code": "city", "group": "contact", "type": "string", "label": "City",
///       "hint": "as the client says it", "required": false, "default": "Москва" },
///     { "code": "budget", "group": "deal", "type": "number", "label": "Budget" },
///     { "code": "source", "group": "deal", "type": "select", "label": "Source",
///       "options": ["Phone", {"value": "ads", "label": "Advertising"}] } ] }
/// ```
///
/// `code`, `group`, `type` and `label` are required; `hint` (default empty), `required`
/// (default false), `default`, `format` (dates only), `options` (selects only, required there)
/// and `comment` (text or a list of texts, ignored, also allowed at the top) are optional. Any
/// other member is refused as a likely typo. A file may hold at most
/// `SchemaLoader.maximumFileSize` bytes and `Schema.maximumFieldCount` fields.
public enum SchemaLoader {
  /// The largest schema file read (1 MiB); a thousand fields with long hints fit easily.
  public static let maximumFileSize = 1 << 20

  /// Reads and checks the schema file at `url`.
  public static func load(from url: URL) throws(SchemaLoadError) -> Schema {
    let path = url.path
    guard let data = try readBounded(path: path, missingIsNil: false) else {
      throw .unreadable(path: path, reason: String(cString: strerror(ENOENT)))
    }
    return try load(data: data, path: path)
  }

  /// Reads and checks the schema file at `url` when it exists; nil when there is no such file,
  /// as for the default file, which an installation without custom fields does not have.
  public static func loadIfPresent(from url: URL) throws(SchemaLoadError) -> Schema? {
    let path = url.path
    guard let data = try readBounded(path: path, missingIsNil: true) else {
      return nil
    }
    return try load(data: data, path: path)
  }

  /// `schema.json` beside the config file: `$XDG_CONFIG_HOME/gentleman-lead-console/schema.json`,
  /// else under `~/.config`.
  public static func defaultFile(environment: [String: String]) -> URL {
    Configuration.defaultConfigFile(environment: environment)
      .deletingLastPathComponent()
      .appendingPathComponent("schema.json", isDirectory: false)
  }

  /// Checks a schema file's bytes; `path` names the file in every problem.
  public static func load(data: Data, path: String) throws(SchemaLoadError) -> Schema {
    guard data.count <= maximumFileSize else {
      let message =
        "the file is over \(maximumFileSize / 1024) KiB (\(maximumFileSize) bytes);"
        + " a schema this large is surely not a schema file"
      throw .invalid(path: path, problems: [SchemaProblem(path: path, message: message)])
    }
    let bytes = [UInt8](data)
    var checker = SchemaFileChecker(path: path, bytes: bytes)

    let root: SchemaJSONValue
    do {
      root = try SchemaJSONParser.parse(bytes)
    } catch {
      checker.report(offset: error.offset, message: "not valid JSON: \(error.message)")
      throw .invalid(path: path, problems: checker.sortedProblems)
    }

    let fields = checker.checkFile(root)
    let problems = checker.sortedProblems
    guard problems.isEmpty, let fields else {
      throw .invalid(path: path, problems: problems)
    }
    return Schema(checkedFields: fields)
  }

  /// The file's bytes, reading at most one byte more than the size cap; nil when the file does
  /// not exist and `missingIsNil` is set.
  private static func readBounded(
    path: String, missingIsNil: Bool
  ) throws(SchemaLoadError) -> Data? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT && missingIsNil {
        return nil
      }
      throw .unreadable(path: path, reason: lastError())
    }
    defer { close(fd) }

    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count <= maximumFileSize {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR {
          continue
        }
        throw .unreadable(path: path, reason: lastError())
      }
      if count == 0 {
        break
      }
      data.append(contentsOf: chunk[0..<count])
    }
    return data
  }

  private static func lastError() -> String {
    String(cString: strerror(errno))
  }
}
