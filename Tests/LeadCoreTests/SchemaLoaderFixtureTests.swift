import Foundation
import Testing

@testable import LeadCore

/// One broken fixture and the one problem it must report, at its place.
struct BrokenSchemaCase: Sendable, CustomTestStringConvertible {
  var file: String
  var fieldIndex: Int?
  var code: String?
  var line: Int
  var column: Int
  var message: String

  var testDescription: String { file }

  init(
    _ file: String, field: Int? = nil, code: String? = nil, at line: Int, _ column: Int,
    _ message: String
  ) {
    self.file = file
    self.fieldIndex = field
    self.code = code
    self.line = line
    self.column = column
    self.message = message
  }
}

@Suite("SchemaLoader fixtures")
struct SchemaLoaderFixtureTests {
  static let typeList = "string, text, number, date, phone, email, boolean, select"
  static let typo = "the CRM tells them apart, so one of them is likely a typo"

  static let cases: [BrokenSchemaCase] = [
    BrokenSchemaCase(
      "unknown-type", field: 3, code: "city", at: 18, 15,
      "unknown type \"sting\" (expected one of \(typeList))"),
    BrokenSchemaCase(
      "duplicate-code", field: 2, code: "city", at: 10, 15,
      "duplicate code: field 1 has the same code"),
    BrokenSchemaCase(
      "empty-code", field: 1, code: "", at: 4, 15,
      "the code is empty; copy it from the CRM's \"Site integration\" page"),
    BrokenSchemaCase(
      "base-code", field: 1, code: "phone", at: 4, 15,
      "\"phone\" is a base field's code; the form always has that field"),
    BrokenSchemaCase(
      "key-code", field: 1, code: "key", at: 4, 15,
      "\"key\" is the name the API key is sent under; it cannot be a field code"),
    BrokenSchemaCase(
      "case-variant", field: 2, code: "City", at: 10, 15,
      "the code differs from field 1 \"city\" only by case; \(typo)"),
    BrokenSchemaCase(
      "base-case-variant", field: 1, code: "Email", at: 4, 15,
      "the code differs from the base field code \"email\" only by case; \(typo)"),
    BrokenSchemaCase(
      "bad-code-characters", field: 1, code: "delivery.city", at: 4, 15,
      "\".\" is not allowed in a field code (use Latin letters, digits, _ and -)"),
    BrokenSchemaCase(
      "select-no-options", field: 1, code: "source", at: 8, 18,
      "a select needs at least one option; the list is empty"),
    BrokenSchemaCase(
      "select-missing-options", field: 1, code: "source", at: 6, 15,
      "a select needs \"options\": a list of texts or {\"value\", \"label\"} pairs"),
    BrokenSchemaCase(
      "bad-default", field: 1, code: "budget", at: 8, 18,
      "the default \"12abc\" fails the field's type (number): not a number: \"a\" is not allowed"
        + " (use digits, a sign, spaces and , or .)"),
    BrokenSchemaCase(
      "impossible-date-default", field: 1, code: "desired_date", at: 8, 18,
      "the default \"31.02.2024\" fails the field's type (date): not a date:"
        + " February 2024 has no day 31"),
    BrokenSchemaCase(
      "missing-member", field: 1, code: "city", at: 3, 5,
      "the field has no \"type\" (one of \(typeList))"),
    BrokenSchemaCase(
      "wrong-member-type", field: 1, code: "city", at: 8, 19,
      "\"required\" must be true or false (without quotes), not a string"),
    BrokenSchemaCase(
      "code-not-text", field: 1, at: 4, 15, "\"code\" must be text in double quotes, not a number"),
    BrokenSchemaCase(
      "unknown-group", field: 1, code: "city", at: 5, 16,
      "unknown group \"client\" (expected contact or deal)"),
    BrokenSchemaCase(
      "repeated-member", field: 1, code: "city", at: 8, 7,
      "\"type\" is given twice; JSON readers would silently keep only one"),
    BrokenSchemaCase(
      "options-on-non-select", field: 1, code: "source", at: 8, 7,
      "\"options\" are for select fields only; this one is string"),
    BrokenSchemaCase(
      "bad-date-format", field: 1, code: "desired_date", at: 8, 17,
      "date format \"DD.MM.YYYY\" has \"D\" outside the tokens dd, MM and yyyy"
        + " (other letters are not allowed)"),
    BrokenSchemaCase(
      "duplicate-option", field: 1, code: "source", at: 11, 9,
      "option 3 has the value \"phone\" of option 1 (values are compared ignoring case)"),
    BrokenSchemaCase(
      "field-not-object", field: 1, at: 3, 5,
      "a field must be an object {\"code\": ..., \"type\": ...}, not a string"),
    BrokenSchemaCase(
      "list-at-top", at: 1, 1,
      "the file must hold an object {\"fields\": [...]}, not a list;"
        + " put the list in {\"fields\": [...]}"),
    BrokenSchemaCase(
      "malformed-missing-comma", at: 5, 7,
      "not valid JSON: expected , or } after the value of \"code\", found a quote (\")"),
    BrokenSchemaCase(
      "malformed-trailing-comma", at: 7, 22,
      "not valid JSON: a comma before } is not allowed in JSON; remove it"),
    BrokenSchemaCase(
      "malformed-comment", at: 2, 3,
      "not valid JSON: JSON has no comments; put notes in a \"comment\" member"),
    BrokenSchemaCase(
      "malformed-unterminated-text", at: 4, 15,
      "not valid JSON: this text is not closed on its line: a closing \" is missing"
        + " (a line break inside text is written \\n)"),
    // The column counts characters: the five Cyrillic letters before it are ten bytes.
    BrokenSchemaCase(
      "malformed-after-cyrillic", at: 3, 77,
      "not valid JSON: expected , or } after the value of \"label\", found a quote (\")"),
  ]

  @Test("reports the broken fixture's problem with its field and place", arguments: cases)
  func reportsProblemAtItsPlace(expected: BrokenSchemaCase) throws {
    let (path, problems) = try SchemaFixture.problems(expected.file)

    try #require(problems.count == 1, "\(problems.map(\.description))")
    let problem = problems[0]
    #expect(problem.path == path)
    #expect(problem.fieldIndex == expected.fieldIndex)
    #expect(problem.code == expected.code)
    #expect(problem.line == expected.line)
    #expect(problem.column == expected.column)
    #expect(problem.message == expected.message)
  }

  @Test func descriptionNamesFileLineColumnFieldAndCode() throws {
    let (path, problems) = try SchemaFixture.problems("unknown-type")

    #expect(
      problems.map(\.description) == [
        "\(path):18:15: field 3 \"city\": unknown type \"sting\" (expected one of"
          + " \(Self.typeList))"
      ])
  }

  @Test func reportsSpacesAroundACodeAndItsCollisionWithTheTrimmedCode() throws {
    let (_, problems) = try SchemaFixture.problems("space-variant")

    #expect(
      problems.map(\.message) == [
        "the code has spaces around it; remove them",
        "the code differs from field 1 \"city\" only by surrounding spaces; \(Self.typo)",
      ])
    #expect(problems.allSatisfy { $0.fieldIndex == 2 && $0.line == 10 && $0.column == 15 })
    #expect(problems.first?.description.contains("field 2 \"city \":") == true)
  }

  @Test func namesTheMisspeltMemberAndTheOneThatIsThenMissing() throws {
    let (_, problems) = try SchemaFixture.problems("unknown-member")

    #expect(
      problems.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
        "3:5 the field has no \"label\" (the name the operator sees in the form)",
        "7:7 unknown member \"lable\" (did you mean \"label\"?)",
      ])
  }

  @Test func namesTheMisspeltFieldsListAtTheTop() throws {
    let (_, problems) = try SchemaFixture.problems("no-fields")

    #expect(
      problems.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
        "1:1 the file has no \"fields\" list",
        "2:3 unknown member \"feilds\" (did you mean \"fields\"?)",
      ])
  }

  @Test func reportsEveryProblemOfAFileInOnePassInFileOrder() throws {
    let (path, problems) = try SchemaFixture.problems("several-errors")

    #expect(
      problems.map(\.description) == [
        "\(path):7:15: field 1 \"city\": unknown type \"sting\" (expected one of"
          + " \(Self.typeList))",
        "\(path):11:15: field 2 \"City\": the code differs from field 1 \"city\" only by case;"
          + " \(Self.typo)",
        "\(path):12:16: field 2 \"City\": unknown group \"customer\" (expected contact or deal)",
        "\(path):17:15: field 3 \"\": the code is empty; copy it from the CRM's"
          + " \"Site integration\" page",
        "\(path):21:18: field 3 \"\": a select needs at least one option; the list is empty",
        "\(path):28:18: field 4 \"budget\": the default \"1.2.3\" fails the field's type"
          + " (number): not a number: \"1.2.3\" has more than one decimal separator",
        "\(path):29:7: field 4 \"budget\": unknown member \"requird\" (did you mean"
          + " \"required\"?)",
        "\(path):32:15: field 5 \"phone\": \"phone\" is a base field's code; the form always"
          + " has that field",
      ])
  }
}
