import Foundation
import Testing

@testable import LeadCore

@Suite("SchemaLoader")
struct SchemaLoaderTests {
  @Test func shippedExampleLoadsCleanWithTheContactParametersAndTwoDealFields() throws {
    let schema = try SchemaLoader.load(from: SchemaFixture.exampleURL)

    #expect(
      schema.fields(in: .contact).map(\.code) == [
        "skype", "additional_phone", "additional_email", "city", "address", "company",
        "position", "note",
      ])
    #expect(schema.fields(in: .deal).map(\.code) == ["budget", "desired_date"])
    #expect(schema.field(code: "budget")?.type == .number)
    #expect(schema.field(code: "desired_date")?.format == "dd.MM.yyyy")
  }

  @Test func shippedExampleMarksEveryCodeAsAnExample() throws {
    let data = try Data(contentsOf: SchemaFixture.exampleURL)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let fields = try #require(root["fields"] as? [[String: Any]])
    let topComment = try #require(root["comment"] as? [String])

    #expect(topComment.joined(separator: " ").contains("EVERY CODE BELOW IS AN EXAMPLE"))
    #expect(fields.count == 10)
    for field in fields {
      let comment = field["comment"] as? String ?? ""
      #expect(comment.hasPrefix("EXAMPLE"), "\(field["code"] ?? "?") is not marked")
    }
  }

  @Test func readsEveryTypeWithItsOptionsDefaultsAndFormat() throws {
    let schema = try SchemaLoader.load(from: SchemaFixture.url("every-type"))

    #expect(
      schema.fields.map(\.type.name) == [
        "string", "text", "number", "date", "phone", "email", "boolean", "boolean", "select",
      ])
    #expect(schema.field(code: "city")?.required == true)
    #expect(schema.field(code: "note")?.hint == "free text")
    #expect(schema.field(code: "budget")?.defaultValue == "1500")
    #expect(schema.field(code: "callback")?.defaultValue == "true")
    #expect(schema.field(code: "vip")?.defaultValue == nil)
    #expect(
      schema.field(code: "source")?.type
        == .select(options: [SelectOption("Phone"), SelectOption(value: "ads", label: "Реклама")]))
    #expect(schema.field(code: "source")?.group == .deal)
  }

  @Test func allFieldsStartWithTheFiveBaseFields() throws {
    let schema = try SchemaLoader.load(from: SchemaFixture.url("every-type"))

    #expect(
      schema.allFields.prefix(5).map { "\($0.code):\($0.type.name):\($0.label)" } == [
        "first_name:string:First name", "last_name:string:Last name", "phone:phone:Phone",
        "email:email:Email", "comment:text:Comment",
      ])
    #expect(schema.allFields.dropFirst(5).map(\.code) == schema.fields.map(\.code))
    #expect(Schema().allFields.map(\.baseField) == BaseField.allCases.map { $0 })
    #expect(schema.allFields.prefix(5).allSatisfy { $0.group == .contact && !$0.required })
  }

  @Test func loadsAGenerated300FieldSchema() throws {
    let text = SchemaFixture.generatedText(fieldCount: 300)

    let schema = try SchemaLoader.load(data: Data(text.utf8), path: "generated.json")

    #expect(schema.fields.count == 300)
    #expect(schema.fields.last?.label == "Поле 300")
    #expect(schema.field(code: "field_150")?.group == .deal)
  }

  @Test func refusesMoreFieldsThanTheCap() {
    let text = SchemaFixture.generatedText(fieldCount: Schema.maximumFieldCount + 1)

    let problems = SchemaFixture.problems(ofText: text)

    #expect(problems.map(\.message) == ["the schema has 1001 fields; at most 1000 are allowed"])
    #expect(problems.first?.line == 2)
  }

  @Test func refusesAFileOverTheSizeCapWithoutParsingIt() {
    let text = "{\"fields\": []}" + String(repeating: " ", count: SchemaLoader.maximumFileSize)

    let problems = SchemaFixture.problems(ofText: text)

    #expect(problems.count == 1)
    #expect(problems.first?.message.hasPrefix("the file is over 1024 KiB") == true)
  }

  @Test func acceptsAByteOrderMarkAndAnEmptyFieldList() throws {
    let data = Data([0xEF, 0xBB, 0xBF] + Array("{\"fields\": []}".utf8))

    let schema = try SchemaLoader.load(data: data, path: "bom.json")

    #expect(schema.fields.isEmpty)
    #expect(schema.allFields.count == 5)
  }

  @Test func reportsAMissingFileAsUnreadable() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("absent.json")

    #expect(throws: SchemaLoadError.unreadable(path: url.path, reason: "No such file or directory"))
    {
      try SchemaLoader.load(from: url)
    }
  }

  @Test func reportsADirectoryAsUnreadable() throws {
    let directory = try TemporaryDirectory()

    #expect(throws: SchemaLoadError.unreadable(path: directory.url.path, reason: "Is a directory"))
    {
      try SchemaLoader.load(from: directory.url)
    }
  }

  @Test func loadIfPresentAnswersNilOnlyForAMissingFile() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"fields": []}"#, to: "schema.json")

    #expect(try SchemaLoader.loadIfPresent(from: directory.file("absent.json")) == nil)
    #expect(try SchemaLoader.loadIfPresent(from: file) == Schema())
    #expect(throws: SchemaLoadError.unreadable(path: directory.url.path, reason: "Is a directory"))
    {
      try SchemaLoader.loadIfPresent(from: directory.url)
    }
  }

  @Test func defaultFileSitsBesideTheConfigFile() {
    let xdg = SchemaLoader.defaultFile(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"])
    let home = SchemaLoader.defaultFile(environment: ["HOME": "/h"])

    #expect(xdg.path == "/x/cfg/gentleman-lead-console/schema.json")
    #expect(home.path == "/h/.config/gentleman-lead-console/schema.json")
  }

  @Test func describesAnUnreadableFileWithItsPathAndReason() {
    let error = SchemaLoadError.unreadable(path: "/etc/schema.json", reason: "Permission denied")

    #expect(error.description == "cannot read the schema file /etc/schema.json: Permission denied")
    #expect(error.problems.isEmpty)
  }

  @Test func acceptsCommentsAsTextOrListsOfTextAndRefusesOtherComments() {
    let good =
      #"{"comment": ["a", "b"], "fields": [{"comment": "x", "code": "c","#
      + #" "group": "deal", "type": "text", "label": "C"}]}"#
    let bad = #"{"comment": 3, "fields": []}"#

    #expect(SchemaFixture.problems(ofText: good).isEmpty)
    #expect(
      SchemaFixture.problems(ofText: bad).map(\.message) == [
        "\"comment\" must be text or a list of texts, not a number"
      ])
  }

  @Test func acceptsDefaultsWrittenAsJSONBooleansAndNumbersOnlyForThoseTypes() {
    let text =
      #"{"fields": [{"code": "a", "group": "deal", "type": "string", "label": "A","#
      + #" "default": true}]}"#

    let problems = SchemaFixture.problems(ofText: text)

    #expect(problems.map(\.message) == ["\"default\" must be text in double quotes, not true"])
  }

  @Test func refusesABlankLabelAndAnEmptyDefault() {
    let text =
      #"{"fields": [{"code": "a", "group": "deal", "type": "string", "label": " ","#
      + #" "default": ""}]}"#

    let problems = SchemaFixture.problems(ofText: text)

    #expect(
      problems.map(\.message) == [
        "the label is empty", "the default is empty; leave \"default\" out for none",
      ])
  }

  static let selectHead = #"{"fields": [{"code": "s", "group": "deal", "type": "select","#
  static let dateHead = #"{"fields": [{"code": "d", "group": "deal", "type": "date","#

  @Test(
    "reports problems of the file's and the fields' shape at their place",
    arguments: [
      (#""just text""#, ["1:1 the file must hold an object {\"fields\": [...]}, not a string"]),
      (#"{"fields": {}}"#, ["1:12 \"fields\" must be a list [...], not an object"]),
      (
        selectHead + "\n"
          + #" "options": [1, {"value": "a"}, {"value": "b", "label": "B", "lable": "x"}],"#
          + #" "label": "S"}]}"#,
        [
          "2:14 option 1 must be text or {\"value\": ..., \"label\": ...}, not a number",
          "2:17 option 2 needs \"value\" and \"label\", both text (a plain text option is its"
            + " own value and label)",
          "2:62 unknown member \"lable\" (did you mean \"label\"?)",
        ]
      ),
      (
        dateHead + "\n" + #" "format": "dd.MM", "label": "D"}]}"#,
        ["2:12 date format \"dd.MM\" lacks yyyy (it needs dd, MM and yyyy, each once)"]
      ),
      (
        dateHead + "\n" + #" "format": "dd.dd.MM.yyyy", "label": "D"}]}"#,
        ["2:12 date format \"dd.dd.MM.yyyy\" has dd more than once"]
      ),
    ])
  func reportsShapeProblems(text: String, expected: [String]) {
    let problems = SchemaFixture.problems(ofText: text)

    #expect(problems.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == expected)
  }

  @Test func showsInvisibleCharactersOfACodeInTheDescription() {
    let text =
      #"{"fields": [{"code": "city\u00a0", "group": "contact", "type": "string","#
      + #" "label": "City"}]}"#

    let problems = SchemaFixture.problems(ofText: text)

    #expect(
      problems.map(\.description) == [
        "test.json:1:22: field 1 \"city\\u{A0}\": the code has spaces around it; remove them"
      ])
  }

  @Test func summarisesAnInvalidFileOnOneLine() throws {
    let url = try SchemaFixture.url("several-errors")

    let error = #expect(throws: SchemaLoadError.self) { try SchemaLoader.load(from: url) }

    #expect(
      error?.summary
        == "\(url.path):7:15: field 1 \"city\": unknown type \"sting\" (expected one of string,"
        + " text, number, date, phone, email, boolean, select) (and 7 more problems)")
  }
}
