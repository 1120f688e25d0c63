import Testing

@testable import LeadCore

@Suite("Sandbox form decoder")
struct SandboxFormDecoderTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let input: String
    let pairs: [(String, String)]
    var testDescription: String { "'\(input)'" }
  }

  static let cases: [Case] = [
    Case(input: "a=1&b=2", pairs: [("a", "1"), ("b", "2")]),
    Case(input: "&&a=1&&b=2&", pairs: [("a", "1"), ("b", "2")]),
    Case(input: "flag", pairs: [("flag", "")]),
    Case(input: "a=", pairs: [("a", "")]),
    Case(input: "a=b=c", pairs: [("a", "b=c")]),
    Case(input: "=orphan&b=1", pairs: [("b", "1")]),
    Case(input: "phone=%2B7+%28999%29+123-45-67", pairs: [("phone", "+7 (999) 123-45-67")]),
    Case(input: "phone=%2B7%20%28999%29%20123-45-67", pairs: [("phone", "+7 (999) 123-45-67")]),
    Case(
      input: "email=ivan.petrov%2Blead%40example.ru",
      pairs: [("email", "ivan.petrov+lead@example.ru")]),
    Case(input: "x=a+b%2Bc", pairs: [("x", "a b+c")]),
    Case(input: "n=%D0%90%d0%bd%D0%B4", pairs: [("n", "Анд")]),
    Case(input: "%zz=100%&p=%4&q=%", pairs: [("%zz", "100%"), ("p", "%4"), ("q", "%")]),
    Case(input: "x=%25%32%30", pairs: [("x", "%20")]),
    Case(input: "x=%26%3D", pairs: [("x", "&=")]),
    Case(input: "x=%FF%FE", pairs: [("x", "\u{FFFD}\u{FFFD}")]),
    Case(input: "x=%D0", pairs: [("x", "\u{FFFD}")]),
    Case(input: "a=1&a=2", pairs: [("a", "1"), ("a", "2")]),
  ]

  @Test("decodes as PHP's parse_str does", arguments: cases)
  func decodesLikePHP(_ testCase: Case) {
    let expected = testCase.pairs.map { FormPair(name: $0.0, value: $0.1) }

    #expect(FormDecoder.decode(testCase.input) == expected)
    #expect(FormDecoder.decode(Array(testCase.input.utf8)) == expected)
  }

  static let values = [
    "+7 (999) 123-45-67", "ivan.petrov+lead@example.ru", "Андрей Щёкин", "a&b=c; 100% ~",
    "tab\there\nnew line", "emoji 👩‍💻 🇷🇺", "%2B stays literal", "", " ", "#?/[]", "日本語",
  ]

  @Test("reads back exactly what the form encoder writes", arguments: values)
  func roundTripsTheEncoder(_ value: String) {
    let pairs = [
      FormPair(name: "key", value: "TESTKEY-0123456789abcdef"),
      FormPair(name: "comment", value: value),
      FormPair(name: "deal_field-2", value: value + value),
    ]

    #expect(FormDecoder.decode(FormEncoder.encode(pairs)) == pairs)
  }

  @Test func takesTheLastOfRepeatedNamesAsPHPDoes() {
    let pairs = FormDecoder.decode("key=old&phone=1&key=new")

    #expect(FormDecoder.lastValue(named: "key", in: pairs) == "new")
    #expect(FormDecoder.lastValue(named: "email", in: pairs) == nil)
  }

  @Test func decodesNothingFromEmptyInput() {
    #expect(FormDecoder.decode("").isEmpty)
    #expect(FormDecoder.decode("&&&").isEmpty)
  }
}
