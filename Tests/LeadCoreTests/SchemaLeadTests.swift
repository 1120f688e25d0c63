import Testing

@testable import LeadCore

@Suite("Schema and the lead")
struct SchemaLeadTests {
  /// city, budget (default 1 000), callback (yes/no, default yes), vip (yes/no),
  /// desired_date (dd.MM.yyyy), source (select), in that order.
  static func schema() throws -> Schema {
    try Schema(fields: [
      SchemaField(code: "city", label: "City"),
      SchemaField(
        code: "budget", group: .deal, type: .number, label: "Budget", defaultValue: "1 000"),
      SchemaField(
        code: "callback", group: .deal, type: .boolean, label: "Call back", defaultValue: "yes"),
      SchemaField(code: "vip", type: .boolean, label: "VIP"),
      SchemaField(
        code: "desired_date", group: .deal, type: .date, label: "Desired date",
        format: "dd.MM.yyyy"),
      SchemaField(
        code: "source", group: .deal,
        type: .select(options: [SelectOption("Phone"), SelectOption(value: "ads", label: "Ads")]),
        label: "Source"),
    ])
  }

  static let caller = Lead(firstName: " Иван ", phone: "+7 912 345-67-89")

  static func pairs(_ fields: [ExtraField]) -> [String] {
    fields.map { "\($0.code)=\($0.value)" }
  }

  @Test func sendsSchemaFieldsInSchemaOrderThenUnknownCodesInTheOrderGiven() throws {
    let schema = try Self.schema()
    let arguments = [
      ExtraField(code: "utm_source", value: "ya"), ExtraField(code: "source", value: "ads"),
      ExtraField(code: "city", value: "Санкт-Петербург"), ExtraField(code: "manager", value: "7"),
      ExtraField(code: "desired_date", value: "2025-03-01"),
    ]

    let lead = try schema.lead(
      Self.caller, input: schema.input(fromFieldArguments: arguments), allowUnknownCodes: true)

    #expect(
      Self.pairs(lead.extraFields) == [
        "city=Санкт-Петербург", "budget=1000", "callback=1", "vip=0", "desired_date=01.03.2025",
        "source=ads", "utm_source=ya", "manager=7",
      ])
    #expect(lead.firstName == "Иван")
    #expect(lead.phone == "+7 912 345-67-89")
  }

  @Test func clearedDefaultIsNotSentAndClearedYesNoIsOff() throws {
    let schema = try Self.schema()
    let input = SchemaInput(values: ["budget": "", "callback": "", "city": "  "])

    let extras = try schema.extraFields(for: input, allowUnknownCodes: false)

    #expect(Self.pairs(extras) == ["callback=0", "vip=0"])
  }

  @Test func formValuesReplaceDefaults() throws {
    let schema = try Self.schema()
    let input = SchemaInput(values: [
      "city": "Москва", "budget": "2 500,5", "callback": "нет", "vip": "да",
      "desired_date": "", "source": "phone",
    ])

    let extras = try schema.extraFields(for: input, allowUnknownCodes: false)

    #expect(
      Self.pairs(extras) == [
        "city=Москва", "budget=2500.5", "callback=0", "vip=1", "source=Phone",
      ])
  }

  @Test func reportsEveryProblemAtOnceInFormOrder() throws {
    let schema = try Self.schema()
    var lead = Lead(email: "ivan@")
    lead.extraFields = [ExtraField(code: "stale", value: "dropped")]
    let input = SchemaInput(
      values: ["budget": "1.2.3", "desired_date": "31.02.2024", "source": "tv"],
      unknownFields: [
        ExtraField(code: "ciyt", value: "x"), ExtraField(code: "a.b", value: "y"),
        ExtraField(code: "city", value: "again"),
      ])

    let error = try #require(throws: LeadValidationError.self) {
      try schema.lead(lead, input: input, allowUnknownCodes: false)
    }
    #expect(
      error.problems.map(\.description) == [
        "email: not an e-mail address: the part after @ must be a domain like example.com",
        "budget: not a number: \"1.2.3\" has more than one decimal separator",
        "desired_date: not a date: February 2024 has no day 31",
        "source: not one of the options (Phone, Ads)",
        "ciyt: \"ciyt\" is not a code of the schema (did you mean \"city\"?)",
        "a.b: \".\" is not allowed in a field code (use Latin letters, digits, _ and -)",
        "city: the code city is given more than once; the CRM would keep only the last value",
      ])
  }

  @Test func allowsUnknownCodesWhenToldButStillChecksTheirForm() throws {
    let schema = Schema()
    let input = schema.input(fromFieldArguments: [
      ExtraField(code: "city", value: "Москва"), ExtraField(code: "phone", value: "1"),
      ExtraField(code: "city", value: "Тверь"),
    ])

    let error = try #require(throws: LeadValidationError.self) {
      try schema.extraFields(for: input, allowUnknownCodes: true)
    }

    #expect(
      error.problems.map(\.description) == [
        "phone: phone is a base field's code; use the field itself (--phone)",
        "city: the code city is given more than once; the CRM would keep only the last value",
      ])
  }

  @Test func refusesTextThatLostItsBytesInSchemaAndUnknownFields() throws {
    let schema = try Self.schema()
    let input = SchemaInput(
      values: ["city": "Mosk\u{FFFD}va"], unknownFields: [ExtraField(code: "x", value: "\u{FFFD}")])

    let error = try #require(throws: LeadValidationError.self) {
      try schema.lead(Self.caller, input: input, allowUnknownCodes: true)
    }

    #expect(error.fields == ["city", "x"])
    #expect(error.problems.allSatisfy { $0.message.contains("U+FFFD") })
  }

  @Test func requiredFieldWithoutValueOrDefaultBlocksTheLead() throws {
    let schema = try Schema(fields: [SchemaField(code: "city", label: "City", required: true)])

    let error = try #require(throws: LeadValidationError.self) {
      try schema.lead(Self.caller, input: SchemaInput(), allowUnknownCodes: false)
    }

    #expect(
      error.problems == [
        FieldProblem(field: "city", message: "required: fill it in before sending")
      ])
  }

  @Test func valuesForCodesOutsideTheSchemaAreUnknownFieldsInCodeOrder() throws {
    let schema = try Self.schema()
    let input = SchemaInput(values: ["zeta": "1", "alpha": "2"])

    let extras = try schema.extraFields(for: input, allowUnknownCodes: true)

    #expect(Self.pairs(extras).suffix(2) == ["alpha=2", "zeta=1"])
  }

  @Test func splitsFieldArgumentsIntoSchemaValuesAndTheRest() throws {
    let schema = try Self.schema()

    let input = schema.input(fromFieldArguments: [
      ExtraField(code: "city", value: "A"), ExtraField(code: "x", value: "B"),
      ExtraField(code: "city", value: "C"),
    ])

    #expect(input.values == ["city": "A"])
    #expect(Self.pairs(input.unknownFields) == ["x=B", "city=C"])
  }

  @Test(
    "suggests the closest codes for a mistyped one",
    arguments: [
      ("ciyt", ["city"]), ("CITY", ["city"]), ("budjet", ["budget"]), ("vipp", ["vip"]),
      ("desired-date", ["desired_date"]), ("sourse", ["source"]), ("zzz", []),
      ("call_back", ["callback"]),
    ])
  func suggestsClosestCodes(typed: String, expected: [String]) throws {
    #expect(try Self.schema().closestCodes(to: typed) == expected)
  }

  @Test func ordersSuggestionsByDistanceThenSchemaOrder() throws {
    let schema = try Schema(
      fields: ["cat", "cart", "car", "bar"].map {
        SchemaField(code: $0, label: $0)
      })

    #expect(schema.closestCodes(to: "car") == ["car", "cat", "cart"])
    #expect(schema.closestCodes(to: "car", limit: 1) == ["car"])
  }

  @Test func schemaBuiltInCodeIsCheckedByTheFileRules() {
    let fields = [
      SchemaField(code: "city", label: "City"), SchemaField(code: "City", label: "Town"),
      SchemaField(code: "comment", label: "Comment"),
      SchemaField(code: "n", type: .number, label: "N", defaultValue: "x"),
      SchemaField(code: "s", type: .select(options: []), label: "S"),
      SchemaField(code: "d", type: .string, label: "D", format: "dd.MM.yyyy"),
      SchemaField(code: "KEY", label: "Key"),
    ]

    let error = #expect(throws: SchemaLoadError.self) { try Schema(fields: fields) }
    #expect(
      error?.problems.map(\.description) == [
        "schema: field 2 \"City\": the code differs from field 1 \"city\" only by case;"
          + " the CRM tells them apart, so one of them is likely a typo",
        "schema: field 3 \"comment\": \"comment\" is a base field's code; the form always has"
          + " that field",
        "schema: field 4 \"n\": the default \"x\" fails the field's type (number): not a"
          + " number: \"x\" is not allowed (use digits, a sign, spaces and , or .)",
        "schema: field 5 \"s\": a select needs at least one option; the list is empty",
        "schema: field 6 \"d\": \"format\" is for date fields only; this one is string",
        "schema: field 7 \"KEY\": the code differs from \"key\", the name the API key is sent"
          + " under, only by case; the CRM tells them apart, so one of them is likely a typo",
      ])
  }
}
