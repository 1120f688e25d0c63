import Foundation
import LeadCore
import LeadUI

/// `lead-console schema check|show`: the field-code schema, for admins.
enum SchemaCommand {
  static let help = """
    Usage: lead-console schema check [FILE]
           lead-console schema show [--json] [--schema FILE]

    The schema file (default $XDG_CONFIG_HOME/gentleman-lead-console/schema.json) lists the
    CRM's custom contact and deal field codes; see examples/schema.json.

      check   reads the file strictly and prints every problem with its line, column and field
      show    lists the fields as the console sees them: the five base fields, then the
              schema's, with code, group, type, label and required mark

    Exit status of check: 0 clean, 1 problems found, 2 the file cannot be read (or usage).
    Exit status of show: 0 listed, 1 the schema has problems (run check), 2 cannot be read.
    """

  static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var reader = try ArgumentReader(arguments, valued: ["--schema"])
    if try reader.flag("--help") {
      print(help)
      return 0
    }
    let json = try reader.flag("--json")
    let schemaFlag = try reader.value("--schema")
    try reader.checkAllUsed()
    var positionals = reader.arguments
    guard !positionals.isEmpty else {
      throw UsageError(description: "schema needs a subcommand: check or show")
    }
    let subcommand = positionals.removeFirst()
    guard positionals.count <= 1 else {
      throw UsageError(description: "unexpected argument '\(positionals[1])'")
    }
    let file =
      (positionals.first ?? schemaFlag).map { URL(fileURLWithPath: $0) }
      ?? SchemaLoader.defaultFile(environment: environment)

    switch subcommand {
    case "check":
      if json { throw UsageError(description: "schema check takes no --json") }
      return check(file)
    case "show":
      return show(file, json: json)
    default:
      throw UsageError(description: "unknown schema subcommand '\(subcommand)'")
    }
  }

  static func check(_ file: URL) -> Int32 {
    do {
      let schema = try SchemaLoader.load(from: file)
      print("\(file.path): \(schema.fields.count) fields, no problems")
      return 0
    } catch {
      return report(error)
    }
  }

  static func show(_ file: URL, json: Bool) -> Int32 {
    let schema: Schema
    do {
      schema = try SchemaLoader.loadIfPresent(from: file) ?? Schema()
    } catch {
      return report(error)
    }
    for field in schema.allFields {
      print(json ? SchemaFieldJSON(field).jsonLine() : text(of: field))
    }
    return 0
  }

  static func report(_ error: SchemaLoadError) -> Int32 {
    for line in error.description.split(separator: "\n") {
      printError(TerminalText.neutralised(String(line)))
    }
    if case .unreadable = error { return 2 }
    return 1
  }

  static func text(of field: SchemaField) -> String {
    let group = field.group.rawValue
    let mark = field.required ? "*" : " "
    let line =
      "\(field.code.padding(toLength: 20, withPad: " ", startingAt: 0)) "
      + "\(group.padding(toLength: 8, withPad: " ", startingAt: 0)) "
      + "\(field.type.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(mark) \(field.label)"
    return TerminalText.neutralised(line)
  }
}

/// One field as `schema show --json` prints it.
struct SchemaFieldJSON: JSONLineOutput {
  var code: String
  var group: String
  var type: String
  var label: String
  var hint: String
  var required: Bool
  var defaultValue: String?
  var format: String?
  var options: [Option]?

  struct Option: Encodable {
    var value: String
    var label: String
  }

  enum CodingKeys: String, CodingKey {
    case code, group, type, label, hint, required, format, options
    case defaultValue = "default"
  }

  init(_ field: SchemaField) {
    code = field.code
    group = field.group.rawValue
    type = field.type.name
    label = field.label
    hint = field.hint
    required = field.required
    defaultValue = field.defaultValue
    format = field.format
    let options = field.type.options
    self.options = options.isEmpty ? nil : options.map { Option(value: $0.value, label: $0.label) }
  }

}
