extension SchemaJSONParser {
  /// A string starting at the current `"`, with its escapes resolved.
  mutating func parseString() throws(SchemaJSONSyntaxError) -> String {
    let start = index
    index += 1
    var text: [UInt8] = []
    while true {
      guard let byte = current else {
        throw SchemaJSONSyntaxError(
          offset: start, message: "this text is never closed: a closing \" is missing")
      }
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: text, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try appendEscape(to: &text)
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        throw SchemaJSONSyntaxError(
          offset: start,
          message: "this text is not closed on its line: a closing \" is missing"
            + " (a line break inside text is written \\n)")
      case 0..<0x20:
        let code = String(byte, radix: 16, uppercase: true)
        throw failure(
          "the control character U+\(String(repeating: "0", count: 4 - code.count))\(code)"
            + " must be written as an escape such as \\t")
      default:
        text.append(byte)
        index += 1
      }
    }
  }

  /// Resolves one `\` escape at the current position, a surrogate pair as one character.
  private mutating func appendEscape(to text: inout [UInt8]) throws(SchemaJSONSyntaxError) {
    let start = index
    index += 1
    guard let letter = current else {
      throw SchemaJSONSyntaxError(
        offset: start, message: "this text is never closed: a closing \" is missing")
    }
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
      UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
      UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let byte = simple[letter] {
      text.append(byte)
      index += 1
      return
    }
    guard letter == UInt8(ascii: "u") else {
      let escape =
        (0x21..<0x7F).contains(letter)
        ? "\\\(Character(Unicode.Scalar(letter)))" : "\\ followed by \(found())"
      throw SchemaJSONSyntaxError(
        offset: start, message: "unknown escape \(escape); a backslash itself is written \\\\")
    }
    index += 1
    let first = try readHexQuad(escapeStart: start)
    var value = first
    if (0xD800..<0xDC00).contains(first) {
      guard current == UInt8(ascii: "\\"), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "u")
      else {
        throw SchemaJSONSyntaxError(
          offset: start, message: "\\u escape of half a character (an unpaired surrogate)")
      }
      let secondStart = index
      index += 2
      let second = try readHexQuad(escapeStart: secondStart)
      guard (0xDC00..<0xE000).contains(second) else {
        throw SchemaJSONSyntaxError(
          offset: start, message: "\\u escape of half a character (an unpaired surrogate)")
      }
      value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw SchemaJSONSyntaxError(
        offset: start, message: "\\u escape of half a character (an unpaired surrogate)")
    }
    text.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  /// Four hex digits after `\u`.
  private mutating func readHexQuad(escapeStart: Int) throws(SchemaJSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = Self.hexValue(byte) else {
        throw SchemaJSONSyntaxError(
          offset: escapeStart, message: "\\u must be followed by four hex digits, e.g. \\u00A0")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// A number as RFC 8259 writes it, returned as its text.
  mutating func parseNumber() throws(SchemaJSONSyntaxError) -> String {
    let start = index
    if current == UInt8(ascii: "-") {
      index += 1
    }
    if current == UInt8(ascii: "0") {
      index += 1
      if let byte = current, Self.isDigit(byte) {
        throw SchemaJSONSyntaxError(
          offset: start, message: "a JSON number cannot start with 0 followed by more digits")
      }
    } else {
      try skipDigits(after: "-")
    }
    if current == UInt8(ascii: ".") {
      index += 1
      try skipDigits(after: "the decimal point")
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
        index += 1
      }
      try skipDigits(after: "the exponent")
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  /// Skips one or more digits; none is an error naming what they should follow.
  private mutating func skipDigits(after what: String) throws(SchemaJSONSyntaxError) {
    guard let byte = current, Self.isDigit(byte) else {
      throw failure("a digit must follow \(what), found \(found())")
    }
    while let byte = current, Self.isDigit(byte) {
      index += 1
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
