import Foundation
import Testing

@testable import LeadCore

/// Schema files for tests: the fixtures in `Fixtures/schemas/` and the shipped example.
enum SchemaFixture {
  /// The URL of `Fixtures/schemas/<name>.json`.
  static func url(_ name: String) throws -> URL {
    try #require(
      Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/schemas"),
      "missing fixture \(name).json")
  }

  /// The problems loading a fixture reports; fails the test when it loads clean or is
  /// unreadable.
  static func problems(_ name: String) throws -> (path: String, problems: [SchemaProblem]) {
    let url = try url(name)
    do {
      _ = try SchemaLoader.load(from: url)
      Issue.record("\(name).json loaded without problems")
      return (url.path, [])
    } catch .invalid(let path, let problems) {
      return (path, problems)
    } catch {
      Issue.record("\(name).json: \(error)")
      return (url.path, [])
    }
  }

  /// `examples/schema.json` at the package root.
  static var exampleURL: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // LeadCoreTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // package root
      .appendingPathComponent("examples/schema.json")
  }

  /// The problems of a schema file given as text.
  static func problems(ofText text: String) -> [SchemaProblem] {
    do {
      _ = try SchemaLoader.load(data: Data(text.utf8), path: "test.json")
      return []
    } catch {
      return error.problems
    }
  }

  /// A schema file text of `count` string fields `field_1`, `field_2`, ...
  static func generatedText(fieldCount count: Int) -> String {
    let fields = (0..<count).map { $0 + 1 }.map { number in
      """
          {"code": "field_\(number)", "group": "\(number.isMultiple(of: 2) ? "deal" : "contact")",
           "type": "string", "label": "Поле \(number)", "hint": "generated field \(number)"}
      """
    }
    return "{\n  \"fields\": [\n" + fields.joined(separator: ",\n") + "\n  ]\n}\n"
  }
}
