import Foundation
import LeadCore

/// The field-code schema the commands work with: `--schema FILE`, else the default file when
/// it exists, else none (the five base fields only).
struct SchemaOption {
  /// The schema, or nil when there is no file.
  var schema: Schema?
  /// The file it came from (or would have), for messages.
  var file: URL

  /// Loads the schema named by `--schema`, else the default one if present; a named file that
  /// is missing is an error, a missing default file is not.
  init(reading reader: inout ArgumentReader, environment: [String: String]) throws {
    let flag = try reader.value("--schema")
    file =
      flag.map { URL(fileURLWithPath: $0) } ?? SchemaLoader.defaultFile(environment: environment)
    schema =
      try flag == nil ? SchemaLoader.loadIfPresent(from: file) : SchemaLoader.load(from: file)
  }

  /// Like `init(reading:environment:)` but never throws: a broken schema becomes a notice, as
  /// the console opens with its base form whatever the schema file holds.
  static func lenient(
    reading reader: inout ArgumentReader, environment: [String: String]
  ) throws(UsageError) -> (schema: Schema?, notice: String?) {
    let flag = try reader.value("--schema")
    let file =
      flag.map { URL(fileURLWithPath: $0) } ?? SchemaLoader.defaultFile(environment: environment)
    do {
      let schema =
        try flag == nil ? SchemaLoader.loadIfPresent(from: file) : SchemaLoader.load(from: file)
      return (schema, nil)
    } catch {
      return (nil, "Schema not used, base fields only: \(error.summary)")
    }
  }
}
