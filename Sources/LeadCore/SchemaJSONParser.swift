/// The first syntax error in a JSON file: where it is and what is wrong.
struct SchemaJSONSyntaxError: Error, Equatable, Sendable {
  /// Byte offset of the character the error points at.
  var offset: Int
  /// What is wrong, in words an admin can act on.
  var message: String
}

/// A strict RFC 8259 JSON reader that keeps the byte offset of every value and member.
///
/// It stops at the first syntax error and names its offset, which `SchemaSourceMap` turns into
/// a line and column: Foundation's parser on Linux does not report a position reliably. A UTF-8
/// byte order mark at the start is skipped, as editors on Windows write one.
struct SchemaJSONParser {
  /// Containers nested deeper than this are refused, so a hostile file cannot exhaust the stack.
  static let maximumDepth = 64

  // Internal rather than private: the scalar readers live in SchemaJSONParser+Scalars.swift.
  let bytes: [UInt8]
  var index = 0
  private var depth = 0

  /// Parses a whole file: one value, surrounded only by whitespace.
  static func parse(_ bytes: [UInt8]) throws(SchemaJSONSyntaxError) -> SchemaJSONValue {
    if let offset = SchemaJSONText.firstInvalidUTF8Offset(bytes) {
      throw SchemaJSONSyntaxError(offset: offset, message: "the file is not valid UTF-8 text here")
    }
    var parser = SchemaJSONParser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.index = 3
    }
    parser.skipWhitespace()
    guard parser.index < bytes.count else {
      throw SchemaJSONSyntaxError(offset: parser.index, message: "the file holds no JSON at all")
    }
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw parser.failure("unexpected \(parser.found()) after the end of the JSON value")
    }
    return value
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  var current: UInt8? {
    index < bytes.count ? bytes[index] : nil
  }

  private mutating func parseValue() throws(SchemaJSONSyntaxError) -> SchemaJSONValue {
    let start = index
    // A NUL byte stands for the end of the file; neither can start a value.
    switch current ?? 0 {
    case UInt8(ascii: "{"):
      return SchemaJSONValue(kind: .object(try parseObject()), offset: start)
    case UInt8(ascii: "["):
      return SchemaJSONValue(kind: .array(try parseArray()), offset: start)
    case UInt8(ascii: "\""):
      return SchemaJSONValue(kind: .string(try parseString()), offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return SchemaJSONValue(kind: .number(try parseNumber()), offset: start)
    case UInt8(ascii: "'"):
      throw failure("text needs double quotes (\"), not single quotes")
    case UInt8(ascii: "/"), UInt8(ascii: "#"):
      throw failure("JSON has no comments; put notes in a \"comment\" member")
    case UInt8(ascii: "+"), UInt8(ascii: "."):
      throw failure("a number must start with a digit or -")
    case let byte where SchemaJSONText.isWordByte(byte):
      return SchemaJSONValue(kind: try parseLiteral(), offset: start)
    default:
      throw failure("expected a value, found \(found())")
    }
  }

  private mutating func parseObject() throws(SchemaJSONSyntaxError) -> [SchemaJSONMember] {
    try enterContainer()
    index += 1
    var members: [SchemaJSONMember] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return members
    }
    while true {
      let nameOffset = index
      let name = try parseMemberName()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else {
        throw failure("expected : after the member name \"\(name)\", found \(found())")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(SchemaJSONMember(name: name, nameOffset: nameOffset, value: value))
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return members
      }
      guard current == UInt8(ascii: ",") else {
        throw failure("expected , or } after the value of \"\(name)\", found \(found())")
      }
      let comma = index
      index += 1
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        throw SchemaJSONSyntaxError(
          offset: comma, message: "a comma before } is not allowed in JSON; remove it")
      }
    }
  }

  private mutating func parseMemberName() throws(SchemaJSONSyntaxError) -> String {
    switch current ?? 0 {
    case UInt8(ascii: "\""):
      return try parseString()
    case UInt8(ascii: "'"):
      throw failure("member names need double quotes (\"), not single quotes")
    case UInt8(ascii: "/"), UInt8(ascii: "#"):
      throw failure("JSON has no comments; put notes in a \"comment\" member")
    case let byte where SchemaJSONText.isWordByte(byte):
      throw failure("member names need double quotes, e.g. \"code\"")
    default:
      throw failure("expected a member name in double quotes, found \(found())")
    }
  }

  private mutating func parseArray() throws(SchemaJSONSyntaxError) -> [SchemaJSONValue] {
    try enterContainer()
    index += 1
    var elements: [SchemaJSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return elements
    }
    while true {
      elements.append(try parseValue())
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return elements
      }
      guard current == UInt8(ascii: ",") else {
        throw failure("expected , or ] after a list element, found \(found())")
      }
      let comma = index
      index += 1
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        throw SchemaJSONSyntaxError(
          offset: comma, message: "a comma before ] is not allowed in JSON; remove it")
      }
    }
  }

  private mutating func enterContainer() throws(SchemaJSONSyntaxError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw failure("nested more than \(Self.maximumDepth) levels deep")
    }
  }

  /// `true`, `false` or `null`; any other bare word is named in the error.
  private mutating func parseLiteral() throws(SchemaJSONSyntaxError) -> SchemaJSONValue.Kind {
    let start = index
    while let byte = current, SchemaJSONText.isWordByte(byte) {
      index += 1
    }
    let word = String(decoding: bytes[start..<index], as: UTF8.self)
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default:
      throw SchemaJSONSyntaxError(
        offset: start,
        message: "unknown word \(word): JSON writes true, false and null in lower case,"
          + " and text in double quotes")
    }
  }

  private mutating func skipWhitespace() {
    while let byte = current, SchemaJSONText.isWhitespace(byte) {
      index += 1
    }
  }

  func found() -> String {
    SchemaJSONText.describe(bytes, at: index)
  }

  func failure(_ message: String) -> SchemaJSONSyntaxError {
    SchemaJSONSyntaxError(offset: index, message: message)
  }
}
