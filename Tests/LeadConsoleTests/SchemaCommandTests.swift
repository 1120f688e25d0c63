import Foundation
import Testing

/// `schema check|show`, `send --field` under a schema, and `check-key`: the whole process.
@Suite("schema and key commands")
struct SchemaCommandTests {
  static let key = "TESTKEY-0123456789abcdef"

  /// The repository's example schema, found from this file's place in the tree.
  static let exampleSchema = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples/schema.json")

  @Test func checkPassesTheExampleSchema() throws {
    let folder = try ScratchFolder()
    let result = try runConsole(
      ["schema", "check", Self.exampleSchema.path], environment: isolatedEnvironment(in: folder))
    #expect(result.status == 0, "\(result.standardError)")
  }

  @Test func checkNamesEveryProblemWithItsPositionAndExitsOne() throws {
    let folder = try ScratchFolder()
    let file = folder.file("schema.json")
    try Data(
      """
      {"fields": [
        {"code": "city", "group": "contact", "type": "sting", "label": "Город"},
        {"code": "key", "group": "deal", "type": "number", "label": "Ключ"}
      ]}
      """.utf8
    ).write(to: file)

    let result = try runConsole(
      ["schema", "check", file.path], environment: isolatedEnvironment(in: folder))

    #expect(result.status == 1)
    #expect(result.standardError.contains("schema.json:2:"))
    #expect(result.standardError.contains("field 1 \"city\": unknown type \"sting\""))
    #expect(result.standardError.contains("field 2 \"key\""))
  }

  @Test func checkOfAMissingFileExitsTwo() throws {
    let folder = try ScratchFolder()
    let result = try runConsole(
      ["schema", "check", folder.file("none.json").path],
      environment: isolatedEnvironment(in: folder))
    #expect(result.status == 2)
  }

  @Test func showListsBaseFieldsThenTheSchemasAsJSON() throws {
    let folder = try ScratchFolder()
    let result = try runConsole(
      ["schema", "show", "--json", "--schema", Self.exampleSchema.path],
      environment: isolatedEnvironment(in: folder))

    let codes = try result.standardOutput.split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["code"] as? String ?? ""
    }
    #expect(Array(codes.prefix(5)) == ["first_name", "last_name", "phone", "email", "comment"])
    #expect(codes.contains("city"))
  }

  @Test func sendNormalisesSchemaValuesAndOrdersThemBySchema() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let result = try runConsole(
      [
        "send", "--schema", Self.exampleSchema.path, "--phone", "+7 912 345 67 89",
        "--field", "desired_date=2024-03-05", "--field", "budget=1 500,50",
        "--field", "city=Санкт-Петербург", "--endpoint", sandbox.url,
        "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key]))

    #expect(result.status == 0, "\(result.standardError)")
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.map(\.0) == ["key", "phone", "city", "budget", "desired_date"])
    #expect(fields.first { $0.0 == "city" }?.1 == "Санкт-Петербург")
    #expect(fields.first { $0.0 == "budget" }?.1 == "1500.50")
    #expect(fields.first { $0.0 == "desired_date" }?.1 == "05.03.2024")
  }

  @Test func sendRefusesAnUnknownCodeNamingTheClosestUnlessAllowed() throws {
    let folder = try ScratchFolder()
    let arguments = [
      "send", "--schema", Self.exampleSchema.path, "--phone", "+7 912 345 67 89",
      "--field", "ciyt=Москва", "--dry-run",
    ]
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])

    let refused = try runConsole(arguments, environment: environment)
    #expect(refused.status == 2)
    #expect(refused.standardError.contains("did you mean \"city\""))

    let allowed = try runConsole(arguments + ["--allow-unknown"], environment: environment)
    #expect(allowed.status == 0)
    #expect(allowed.standardOutput.contains("&ciyt=%D0%9C"))
  }

  @Test func aBrokenSchemaStopsOnlyLeadsWithExtraFields() throws {
    let folder = try ScratchFolder()
    let broken = folder.file("schema.json")
    try Data(#"{"fields": [{"code": "city""#.utf8).write(to: broken)
    let base = ["send", "--schema", broken.path, "--phone", "+7 912 345 67 89", "--dry-run"]
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])

    let plain = try runConsole(base, environment: environment)
    #expect(plain.status == 0, "\(plain.standardError)")
    #expect(plain.standardError.contains("schema not used, base fields only"))

    let withField = try runConsole(base + ["--field", "city=Москва"], environment: environment)
    #expect(withField.status == 2)
    #expect(withField.standardError.contains("schema.json:1:"))
  }

  @Test(
    "check-key tells valid, wrong and empty keys apart",
    arguments: [(key, Int32(0)), ("WRONGKEY-0123456789", 1), (" ", 2)])
  func checkKey(key: String, status: Int32) throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(key: Self.key, recordFile: folder.file("record.jsonl"))
    let result = try runConsole(
      ["check-key", "--endpoint", sandbox.url],
      environment: isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": key]))

    #expect(result.status == status, "\(result.standardOutput)\(result.standardError)")
    #expect(!result.standardOutput.contains(key) || key == " ")
    if status != 2 {
      #expect(try sandbox.fields(ofRecord: 0).map(\.0) == ["key"])
    }
  }
}

/// A lead with custom contact and deal fields of every type, sent whole, as the CRM receives it.
@Suite("every field type end to end")
struct EveryFieldTypeTests {
  static let everyType = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("LeadCoreTests/Fixtures/schemas/every-type.json")

  @Test func everyTypeReachesTheSandboxWithItsCodeAndWireValue() throws {
    let folder = try ScratchFolder()
    let sandbox = try SandboxProcess(
      key: SchemaCommandTests.key, recordFile: folder.file("record.jsonl"))
    let result = try runConsole(
      [
        "send", "--schema", Self.everyType.path, "--phone", "8 912 345-67-89",
        "--field", "city=Санкт-Петербург", "--field", "note=строка 1\nстрока 2",
        "--field", "desired_date=2024-03-05", "--field", "additional_phone=+7 (999) 000-11-22",
        "--field", "additional_email=office@почта.рф", "--field", "vip=да",
        "--field", "source=реклама", "--endpoint", sandbox.url,
        "--log", folder.file("h.jsonl").path,
      ],
      environment: isolatedEnvironment(
        in: folder, extra: ["GENTLEMAN_API_KEY": SchemaCommandTests.key]))

    #expect(result.status == 0, "\(result.standardError)")
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(
      fields.map(\.0) == [
        "key", "phone", "city", "note", "budget", "desired_date", "additional_phone",
        "additional_email", "callback", "vip", "source",
      ])
    let values = Dictionary(fields, uniquingKeysWith: { first, _ in first })
    #expect(values["city"] == "Санкт-Петербург")
    #expect(values["note"] == "строка 1\nстрока 2")
    #expect(values["budget"] == "1500")
    #expect(values["desired_date"] == "05.03.2024")
    #expect(values["additional_phone"] == "+7 (999) 000-11-22")
    #expect(values["additional_email"] == "office@почта.рф")
    #expect(values["callback"] == "1")
    #expect(values["vip"] == "1")
    #expect(values["source"] == "ads")
  }
}
