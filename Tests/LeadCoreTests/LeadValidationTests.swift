import Testing

@testable import LeadCore

@Suite("Lead validation")
struct LeadValidationTests {
  @Test(
    "accepts e-mail addresses",
    arguments: [
      "ivan@example.com", "ivan.petrov+lead@example.ru", "иван@почта.рф", "a@b.co",
      "user_name-1@sub.domain.example", "Щёкин@пример.рус", "o'brien@example.ie",
    ])
  func acceptsEmail(email: String) throws {
    let lead = try Lead(email: email).validated()
    #expect(lead.email == email)
  }

  @Test(
    "rejects e-mail addresses",
    arguments: [
      "ivan", "ivan@", "@example.com", "ivan@example", "ivan@@example.com", "a@b@c.ru",
      "ivan petrov@example.com", "ivan@exa mple.com", "ivan@example.", "ivan@.example.com",
      "ivan@example..com", "ivan@exam\u{1B}ple.com", "ivan@exam\tple.com", "iv\u{202E}an@x.ru",
      "a@b.ru/x?y#z", "a@b.ru:80", "a@-b.ru", "a@b-.ru", "a@b_c.ru", ".a@b.ru", "a.@b.ru",
      "a..b@c.ru", #"a@b.ru\n"#,
    ])
  func rejectsEmail(email: String) {
    #expect(throws: LeadValidationError.self) {
      try Lead(phone: "+7 999 123-45-67", email: email).validated()
    }
    let problems = problems(of: Lead(phone: "+7 999 123-45-67", email: email))
    #expect(problems.map(\.field) == ["email"])
    #expect(problems.first?.message.hasPrefix("not an e-mail address") == true)
  }

  @Test(
    "accepts phone numbers",
    arguments: ["+7 (999) 123-45-67", "89991234567", "8.999.123.45.67", "+1 555 0100", "12345"])
  func acceptsPhone(phone: String) throws {
    let lead = try Lead(phone: phone).validated()
    #expect(lead.phone == phone)
  }

  @Test(
    "rejects phone numbers",
    arguments: [
      "+7 999 ABC", "+7 (999) 123/45/67", "()-+ .", "phone", "+7\t999", "+7 999 123-45-67 доб. 5",
      "٧٩٩٩", "+7_999", "7", "+7", "0", "1234", String(repeating: "9", count: 21),
    ])
  func rejectsPhone(phone: String) {
    let problems = problems(of: Lead(phone: phone))
    #expect(problems.map(\.field) == ["phone"])
    #expect(problems.first?.message.hasPrefix("not a phone number") == true)
  }

  @Test func rejectsTextThatWasNotUTF8InAnyField() {
    let lead = Lead(
      firstName: "\u{FFFD}\u{FFFD}\u{FFFD}", phone: "89991234567",
      extraFields: [ExtraField(code: "city", value: "Mos\u{FFFD}")])

    let problems = problems(of: lead)

    #expect(problems.map(\.field) == ["first_name", "city"])
    #expect(problems.allSatisfy { $0.message.contains("UTF-8") })
  }

  @Test(
    "a value within the length caps passes",
    arguments: [
      String(repeating: "я", count: LeadRules.maximumValueLength),
      String(repeating: "a", count: LeadRules.maximumValueLength),
    ])
  func acceptsValueAtTheLengthCap(value: String) throws {
    let lead = Lead(
      firstName: value, phone: "+7 912 000-00-01", comment: value,
      extraFields: [ExtraField(code: "note", value: value)])

    #expect(try lead.validated().comment == value)
  }

  @Test(
    "a value over a length cap is named with its size",
    arguments: [
      (String(repeating: "я", count: LeadRules.maximumValueLength + 1), "10001 characters"),
      (String(repeating: "e\u{301}\u{302}\u{303}", count: 10_000), "10000 characters"),
    ])
  func rejectsValueOverTheLengthCap(value: String, size: String) {
    let lead = Lead(
      lastName: value, phone: "+7 912 000-00-01", comment: value,
      extraFields: [ExtraField(code: "note", value: value)])

    let problems = problems(of: lead)

    #expect(problems.map(\.field) == ["last_name", "comment", "note"])
    #expect(problems.allSatisfy { $0.message.hasPrefix("too long: \(size)") })
    #expect(problems.allSatisfy { $0.message.contains("at most 10000 characters and 65536 bytes") })
  }

  @Test func tooManyExtraFieldsOrALongCodeAreRefused() {
    let fields = (0...LeadRules.maximumExtraFields).map { ExtraField(code: "f\($0)", value: "v") }
    let longCode = String(repeating: "c", count: LeadRules.maximumCodeLength + 1)

    let many = problems(of: Lead(phone: "+7 912 000-00-01", extraFields: fields))
    let long = problems(
      of: Lead(phone: "+7 912 000-00-01", extraFields: [ExtraField(code: longCode, value: "v")]))

    #expect(many.map(\.message) == ["1001 extra fields; at most 1000"])
    #expect(long.map(\.message) == ["a field code may have at most 100 characters"])
  }

  @Test func namesInvisibleCharactersByTheirFourDigitCodePoint() {
    let problems = problems(of: Lead(phone: "+7\n999 123 45 67"))
    #expect(problems.first?.message.contains("U+000A") == true)
  }

  @Test(
    "needs a phone or an e-mail after trimming",
    arguments: [
      Lead(), Lead(firstName: "Иван", comment: "перезвонить"), Lead(phone: "  ", email: "\t"),
    ])
  func rejectsLeadWithoutPhoneOrEmail(lead: Lead) {
    let problems = problems(of: lead)

    #expect(problems.map(\.field) == ["phone", "email"])
    #expect(problems.allSatisfy { $0.message.contains("phone or an e-mail") })
  }

  @Test func trimsNamesPhoneAndEmailButNotTheComment() throws {
    let lead = Lead(
      firstName: "  Андрей\u{A0}", lastName: "\tЩёкин\n", phone: " +7 999 12 ", email: " a@b.ru  ",
      comment: "  as typed  ", extraFields: [ExtraField(code: "city", value: " Москва ")])

    let valid = try lead.validated()

    #expect(valid.firstName == "Андрей")
    #expect(valid.lastName == "Щёкин")
    #expect(valid.phone == "+7 999 12")
    #expect(valid.email == "a@b.ru")
    #expect(valid.comment == "  as typed  ")
    #expect(valid.extraFields == lead.extraFields)
  }

  @Test(
    "accepts extra field codes",
    arguments: ["city", "deal_budget", "f_17", "UF-CRM-5", "A1"])
  func acceptsExtraCode(code: String) throws {
    let lead = Lead(phone: "+7 912 000-00-01", extraFields: [ExtraField(code: code, value: "v")])
    #expect(try lead.validated() == lead)
  }

  @Test(
    "rejects extra field codes",
    arguments: [
      "", "deal budget", "deal.budget", "deal[budget]", "город", "key", "phone", "email",
      "first_name", "last_name", "comment", "a=b", "a&b", "x\u{0}",
    ])
  func rejectsExtraCode(code: String) {
    let lead = Lead(phone: "+7 912 000-00-01", extraFields: [ExtraField(code: code, value: "v")])
    #expect(problems(of: lead).map(\.field) == [code])
  }

  @Test func rejectsARepeatedExtraCodeOnItsSecondUse() {
    let lead = Lead(
      phone: "+7 912 000-00-01",
      extraFields: [
        ExtraField(code: "city", value: "A"), ExtraField(code: "zip", value: "1"),
        ExtraField(code: "city", value: "B"),
      ])

    let problems = problems(of: lead)

    #expect(problems.count == 1)
    #expect(problems.first?.field == "city")
    #expect(problems.first?.message.contains("twice") == true)
  }

  @Test func reportsEveryFailingFieldAtOnceInFormOrder() {
    let lead = Lead(
      phone: "+7 abc", email: "not-an-address",
      extraFields: [ExtraField(code: "key", value: "x"), ExtraField(code: "bad code", value: "y")])

    let error = #expect(throws: LeadValidationError.self) { try lead.validated() }

    #expect(error?.problems.map(\.field) == ["phone", "email", "key", "bad code"])
    #expect(error?.fields == ["phone", "email", "key", "bad code"])
  }

  @Test func describesEachProblemOnItsOwnLine() {
    let error = LeadValidationError(problems: [
      FieldProblem(field: "email", message: "not an e-mail address: it needs exactly one @"),
      FieldProblem(field: "", message: "extra field 1 has no code"),
    ])

    #expect(
      error.description
        == "email: not an e-mail address: it needs exactly one @\n(no code): extra field 1 has no code"
    )
  }

  @Test func namesInvisibleCharactersByCodePoint() {
    let problems = problems(of: Lead(phone: "+7\u{1B}[2J"))
    #expect(problems.first?.message.contains("U+001B") == true)
    #expect(problems.first?.message.contains("\u{1B}") == false)
  }

  private func problems(of lead: Lead) -> [FieldProblem] {
    do {
      _ = try lead.validated()
      return []
    } catch {
      return error.problems
    }
  }
}
