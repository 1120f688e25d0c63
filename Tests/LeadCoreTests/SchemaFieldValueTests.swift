import Testing

@testable import LeadCore

@Suite("SchemaField values")
struct SchemaFieldValueTests {
  static let number = SchemaField(code: "budget", group: .deal, type: .number, label: "Budget")
  static let date = SchemaField(code: "day", group: .deal, type: .date, label: "Day")
  static let flag = SchemaField(code: "vip", type: .boolean, label: "VIP")
  static let source = SchemaField(
    code: "source", group: .deal,
    type: .select(options: [
      SelectOption("Phone"), SelectOption(value: "ads", label: "Реклама"),
      SelectOption(value: "web", label: "Site"),
    ]),
    label: "Source")

  /// The normalised value, or the error's message.
  static func outcome(_ field: SchemaField, _ input: String) -> String {
    do {
      return try field.normalise(input) ?? "(empty)"
    } catch {
      return "error: \(error.message)"
    }
  }

  @Test(
    "numbers are sent as digits with . and no grouping",
    arguments: [
      ("0", "0"), ("42", "42"), ("-3", "-3"), ("+7", "7"), ("\u{2212}5", "-5"),
      ("1500", "1500"), ("1 500", "1500"), ("1 500 000", "1500000"), ("1 500,50", "1500.50"),
      ("1\u{00A0}500,50", "1500.50"), ("1\u{202F}500.5", "1500.5"), ("3,14", "3.14"),
      (" 12 ", "12"), ("007", "007"), ("1500 000", "1500000"), ("-1 000,25", "-1000.25"),
      ("", "(empty)"), ("  ", "(empty)"),
    ])
  func acceptsNumber(input: String, sent: String) {
    #expect(Self.outcome(Self.number, input) == sent)
  }

  @Test(
    "numbers that are not numbers are refused with the reason",
    arguments: [
      ("1.2.3", "\"1.2.3\" has more than one decimal separator"),
      ("1,5,", "\"1,5,\" has more than one decimal separator"),
      ("12abc", "\"a\" is not allowed (use digits, a sign, spaces and , or .)"),
      ("1e3", "\"e\" is not allowed (use digits, a sign, spaces and , or .)"),
      ("--5", "\"-\" is not allowed (use digits, a sign, spaces and , or .)"),
      ("\u{0662}", "\"\u{0662}\" is not allowed (use digits, a sign, spaces and , or .)"),
      ("-", "a sign needs digits after it"),
      ("+", "a sign needs digits after it"),
      ("1,", "a digit must follow the decimal separator"),
      (",5", "a digit must come before the decimal separator"),
      ("1 ,5", "a digit must come before the decimal separator"),
      ("1 50", "digits between spaces come in groups of three, as in 1 500 000"),
      ("1  500", "a space may only stand between groups of digits, as in 1 500"),
      ("- 5", "a space may only stand between groups of digits, as in 1 500"),
      ("1,5 0", "a space may only stand between groups of digits, as in 1 500"),
    ])
  func refusesNumber(input: String, reason: String) {
    #expect(Self.outcome(Self.number, input) == "error: not a number: \(reason)")
  }

  @Test(
    "dates are read as dd.MM.yyyy or yyyy-MM-dd and sent in the field's format",
    arguments: [
      ("25.12.2024", nil, "2024-12-25"), ("2024-12-25", nil, "2024-12-25"),
      ("1.2.2024", nil, "2024-02-01"), ("29.02.2024", nil, "2024-02-29"),
      ("2000-02-29", nil, "2000-02-29"), (" 05.06.2023 ", nil, "2023-06-05"),
      ("2024-12-25", "dd.MM.yyyy", "25.12.2024"), ("25.12.2024", "MM/dd/yyyy", "12/25/2024"),
      ("1.2.2024", "yyyyMMdd", "20240201"), ("0099-1-9", "dd.MM.yyyy", "09.01.0099"),
      ("", nil, "(empty)"),
    ] as [(String, String?, String)])
  func acceptsDate(input: String, format: String?, sent: String) {
    var field = Self.date
    field.format = format

    #expect(Self.outcome(field, input) == sent)
  }

  @Test(
    "dates that are not real calendar dates are refused",
    arguments: [
      ("31.02.2024", "February 2024 has no day 31"),
      ("29.02.2023", "February 2023 has no day 29"),
      ("29.02.1900", "February 1900 has no day 29"),
      ("31.04.2024", "April 2024 has no day 31"),
      ("00.01.2024", "January 2024 has no day 0"),
      ("12.13.2024", "there is no month 13"),
      ("2024-00-10", "there is no month 0"),
      ("01.01.0000", "there is no year 0"),
      ("2024/12/25", "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"),
      ("25.12.24", "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"),
      ("25-12-2024", "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"),
      ("2024-12-25T10:00", "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"),
      ("25.12.2024.", "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"),
      ("025.12.2024", "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"),
      ("tomorrow", "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"),
    ])
  func refusesDate(input: String, reason: String) {
    #expect(Self.outcome(Self.date, input) == "error: not a date: \(reason)")
  }

  @Test(
    "yes/no fields are sent as 1 or 0 and are never empty",
    arguments: [
      ("1", "1"), ("true", "1"), ("TRUE", "1"), ("Yes", "1"), ("да", "1"), ("ДА", "1"),
      ("  yes ", "1"), ("0", "0"), ("false", "0"), ("No", "0"), ("нет", "0"), ("Нет", "0"),
      ("", "0"), (" ", "0"),
    ])
  func acceptsBoolean(input: String, sent: String) {
    #expect(Self.outcome(Self.flag, input) == sent)
  }

  @Test("yes/no fields refuse other words", arguments: ["y", "2", "on", "истина", "yes!"])
  func refusesBoolean(input: String) {
    #expect(
      Self.outcome(Self.flag, input)
        == "error: not yes or no: use 1 or 0, yes or no, true or false, да or нет")
  }

  @Test(
    "a select takes an option's value or label in any case and sends the value",
    arguments: [
      ("Phone", "Phone"), ("phone", "Phone"), (" Phone ", "Phone"), ("ads", "ads"),
      ("ADS", "ads"), ("реклама", "ads"), ("РЕКЛАМА", "ads"), ("site", "web"), ("", "(empty)"),
    ])
  func acceptsOption(input: String, sent: String) {
    #expect(Self.outcome(Self.source, input) == sent)
  }

  @Test func selectRefusesTextMatchingNoOptionAndListsTheLabels() {
    #expect(
      Self.outcome(Self.source, "tv") == "error: not one of the options (Phone, Реклама, Site)")
  }

  @Test func selectPrefersAnExactValueOverAnotherOptionsLabel() {
    let crossed = SchemaField(
      code: "c",
      type: .select(options: [
        SelectOption(value: "a", label: "b"), SelectOption(value: "b", label: "a"),
      ]), label: "C")

    #expect(Self.outcome(crossed, "a") == "a")
    #expect(Self.outcome(crossed, "b") == "b")
  }

  @Test func selectCutsALongOptionListInItsMessage() {
    let options = (1...12).map { SelectOption("o\($0)") }
    let field = SchemaField(code: "c", type: .select(options: options), label: "C")

    #expect(
      Self.outcome(field, "x")
        == "error: not one of the options (o1, o2, o3, o4, o5, o6, o7, o8, …)")
  }

  @Test(
    "text, phone and e-mail fields follow the base fields' rules",
    arguments: [
      (FieldType.string, "  Москва ", "  Москва "), (.string, "   ", "(empty)"),
      (.text, "line 1\nline 2", "line 1\nline 2"),
      (.phone, " +7 912 345-67-89 ", "+7 912 345-67-89"),
      (
        .phone, "8912abc",
        "error: not a phone number: \"a\" is not allowed (use digits, spaces"
          + " and + ( ) - .)"
      ),
      (.email, " ivan@почта.рф ", "ivan@почта.рф"),
      (
        .email, "ivan@",
        "error: not an e-mail address: the part after @ must be a domain like"
          + " example.com"
      ),
    ])
  func followsBaseRules(type: FieldType, input: String, outcome: String) {
    let field = SchemaField(code: "x", type: type, label: "X")

    #expect(Self.outcome(field, input) == outcome)
  }

  @Test(
    "phone and e-mail fields give the base rules' own messages",
    arguments: [
      "123", "+7 (912) x", " 8 912 345 67 89 00 11 22 33 44 ", "+7 912 345-67-89", "a@b",
      "a b@c.ru", "@c.ru",
    ])
  func sharesBaseRuleMessages(input: String) {
    let trimmed = input.trimmingSurroundingWhitespace()
    let phone = SchemaField(code: "p", type: .phone, label: "P")
    let email = SchemaField(code: "e", type: .email, label: "E")

    #expect(
      Self.outcome(phone, input)
        == LeadRules.phoneProblem(trimmed).map { "error: \($0)" } ?? trimmed)
    #expect(
      Self.outcome(email, input)
        == LeadRules.emailProblem(trimmed).map { "error: \($0)" } ?? trimmed)
  }

  @Test func requiredFieldLeftEmptyNamesItsLabelAndCode() {
    var city = SchemaField(code: "city", label: "City")
    city.required = true

    #expect(throws: FieldValueError(code: "city", label: "City", reason: .required)) {
      try city.normalise("  ")
    }
    #expect(
      FieldValueError(code: "city", label: "City", reason: .required).description
        == "City (city): required: fill it in before sending")
  }

  @Test func requiredYesNoFieldIsNeverMissing() throws {
    var flag = Self.flag
    flag.required = true

    #expect(try flag.normalise("") == "0")
  }

  @Test func errorsNameTheFieldsLabelAndCode() {
    #expect(
      throws: FieldValueError(
        code: "budget", label: "Budget",
        reason: .notANumber(
          "\"x\" is not allowed (use digits, a sign, spaces and , or .)"))
    ) {
      try Self.number.normalise("x")
    }
  }
}
