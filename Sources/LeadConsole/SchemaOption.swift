import Foundation
import LeadCore

/// The field-code schema the commands work with: `--schema FILE`, else the default file when
/// it exists, else none (the five base fields only).
struct SchemaOption {
  /// The schema, or nil when there is no file.
  var schema: Schema?

  /// A given schema, or none.
  init(schema: Schema?) {
    self.schema = schema
  }

  /// Loads the schema named by `--schema`, else the default one if present; a named file that
  /// is missing is an error, a missing default file is not.
  init(reading reader: inout ArgumentReader, environment: [String: String]) throws {
    schema = try Self.load(flag: reader.value("--schema"), environment: environment)
  }

  /// Like `init(reading:environment:)`, but a broken schema becomes a notice: the console
  /// opens with its base form whatever the schema file holds.
  static func lenient(
    reading reader: inout ArgumentReader, environment: [String: String]
  ) throws(UsageError) -> (schema: Schema?, notice: String?) {
    let flag = try reader.value("--schema")
    do {
      return (try load(flag: flag, environment: environment), nil)
    } catch {
      return (nil, "Schema not used, base fields only: \(error.summary)")
    }
  }

  private static func load(
    flag: String?, environment: [String: String]
  ) throws(SchemaLoadError) -> Schema? {
    guard let flag else {
      return try SchemaLoader.loadIfPresent(
        from: SchemaLoader.defaultFile(environment: environment))
    }
    return try SchemaLoader.load(from: URL(fileURLWithPath: flag))
  }
}
