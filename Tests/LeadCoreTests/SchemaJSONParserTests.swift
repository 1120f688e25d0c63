import Foundation
import Testing

@testable import LeadCore

@Suite("SchemaJSONParser")
struct SchemaJSONParserTests {
  /// Parses text and answers the first syntax error as `line:column message`, or "ok".
  static func firstError(_ text: String) -> String {
    firstError(Array(text.utf8))
  }

  static func firstError(_ bytes: [UInt8]) -> String {
    do {
      _ = try SchemaJSONParser.parse(bytes)
      return "ok"
    } catch {
      let position = SchemaSourceMap(bytes: bytes).position(of: error.offset)
      return "\(position.line):\(position.column) \(error.message)"
    }
  }

  @Test(
    "reports the first syntax error's line, column and cause",
    arguments: [
      ("", "1:1 the file holds no JSON at all"),
      ("  \n ", "2:2 the file holds no JSON at all"),
      ("{\"a\": 1,}", "1:8 a comma before } is not allowed in JSON; remove it"),
      ("[1, 2, ]", "1:6 a comma before ] is not allowed in JSON; remove it"),
      ("{\"a\": 1\n \"b\": 2}", "2:2 expected , or } after the value of \"a\", found a quote (\")"),
      ("[1 2]", "1:4 expected , or ] after a list element, found \"2\""),
      ("{'a': 1}", "1:2 member names need double quotes (\"), not single quotes"),
      ("{\"a\": 'x'}", "1:7 text needs double quotes (\"), not single quotes"),
      ("{a: 1}", "1:2 member names need double quotes, e.g. \"code\""),
      ("{\"a\" 1}", "1:6 expected : after the member name \"a\", found \"1\""),
      (
        "{\"a\": True}",
        "1:7 unknown word True: JSON writes true, false and null in lower case,"
          + " and text in double quotes"
      ),
      ("{\"a\": 1} x", "1:10 unexpected \"x\" after the end of the JSON value"),
      ("{} {}", "1:4 unexpected \"{\" after the end of the JSON value"),
      ("{\"a\": 1", "1:8 expected , or } after the value of \"a\", found the end of the file"),
      ("[\"abc", "1:2 this text is never closed: a closing \" is missing"),
      ("[\"a\tb\"]", "1:4 the control character U+0009 must be written as an escape such as \\t"),
      ("[\"a\\qb\"]", "1:4 unknown escape \\q; a backslash itself is written \\\\"),
      ("[\"\\u12\"]", "1:3 \\u must be followed by four hex digits, e.g. \\u00A0"),
      ("[\"\\uD83D\"]", "1:3 \\u escape of half a character (an unpaired surrogate)"),
      ("[\"\\uDE00\"]", "1:3 \\u escape of half a character (an unpaired surrogate)"),
      ("[01]", "1:2 a JSON number cannot start with 0 followed by more digits"),
      ("[1.]", "1:4 a digit must follow the decimal point, found \"]\""),
      ("[-]", "1:3 a digit must follow -, found \"]\""),
      ("[1e]", "1:4 a digit must follow the exponent, found \"]\""),
      ("[.5]", "1:2 a number must start with a digit or -"),
      ("[+5]", "1:2 a number must start with a digit or -"),
      ("# notes\n{}", "1:1 JSON has no comments; put notes in a \"comment\" member"),
      ("{\"a\": /* x */ 1}", "1:7 JSON has no comments; put notes in a \"comment\" member"),
      ("[\u{00A0}1]", "1:2 expected a value, found the invisible character U+00A0"),
      ("{\"город\": 1,, }", "1:13 expected a member name in double quotes, found \",\""),
    ])
  func reportsFirstError(text: String, expected: String) {
    #expect(Self.firstError(text) == expected)
  }

  @Test func reportsInvalidUTF8AtItsCharacterColumn() {
    let bytes = Array("{\"a\": \"ёж".utf8) + [0xFF] + Array("\"}".utf8)

    #expect(Self.firstError(bytes) == "1:10 the file is not valid UTF-8 text here")
  }

  @Test func refusesNestingDeeperThanTheLimit() {
    let deep = String(repeating: "[", count: SchemaJSONParser.maximumDepth + 1)
    let fine =
      String(repeating: "[", count: SchemaJSONParser.maximumDepth)
      + String(repeating: "]", count: SchemaJSONParser.maximumDepth)

    #expect(Self.firstError(deep) == "1:65 nested more than 64 levels deep")
    #expect(Self.firstError(fine) == "ok")
  }

  @Test func readsEveryKindOfValueWithOffsets() throws {
    let text =
      #"{"s": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "n": -12.5e+3, "t": true,"#
      + #" "f": false, "z": null, "l": [1, {}], "s": 0}"#

    let value = try SchemaJSONParser.parse(Array(text.utf8))

    let members = try #require(value.members)
    #expect(members.map(\.name) == ["s", "n", "t", "f", "z", "l", "s"])
    #expect(members[0].value.stringValue == "a\"\\/\u{8}\u{C}\n\r\té😀")
    #expect(members[1].value.kind == .number("-12.5e+3"))
    #expect(members[2].value.kind == .bool(true))
    #expect(members[3].value.kind == .bool(false))
    #expect(members[4].value.kind == .null)
    #expect(
      members[5].value.kind
        == .array([
          SchemaJSONValue(kind: .number("1"), offset: 100),
          SchemaJSONValue(kind: .object([]), offset: 103),
        ]))
    #expect(members[1].nameOffset == 45)
    #expect(members[1].value.offset == 50)
  }

  @Test(
    "maps byte offsets to lines and character columns",
    arguments: [
      (0, 1, 1), (3, 1, 4), (4, 2, 1), (6, 2, 2), (8, 2, 3), (9, 3, 1), (10, 3, 2), (20, 3, 2),
    ])
  func mapsOffsets(offset: Int, line: Int, column: Int) {
    // "abc\n" is 4 bytes, "жж\n" is 5 (two letters of 2 bytes each), then "x"; an offset past
    // the end stands for the end.
    let map = SchemaSourceMap(bytes: Array("abc\nжж\nx".utf8))

    let position = map.position(of: offset)

    #expect(position.line == line)
    #expect(position.column == column)
  }

  @Test(
    "quotes codes for messages so invisible characters show",
    arguments: [
      ("city", "\"city\""), ("a\"b", "\"a\\\"b\""), ("a\nb", "\"a\\nb\""),
      ("a\u{00A0}b", "\"a\\u{A0}b\""), ("a\u{200B}", "\"a\\u{200B}\""), ("a b", "\"a b\""),
    ])
  func quotesText(text: String, expected: String) {
    #expect(SchemaJSONText.quoted(text) == expected)
  }
}
