/// Byte-level helpers of the schema's JSON reader: classes of bytes, UTF-8 checks, and naming
/// the character at an offset for a message.
enum SchemaJSONText {
  /// JSON's four whitespace characters: space, tab, line feed, carriage return.
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// A byte of a bare word such as `true` or a mistyped `True`.
  static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
      true
    default:
      false
    }
  }

  /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        offset += encoded.count
      case .emptyInput:
        return nil
      case .error:
        return offset
      }
    }
  }

  /// The character at `offset` in words: `"}"`, `the end of the file`, `a line break`, ...
  static func describe(_ bytes: [UInt8], at offset: Int) -> String {
    guard offset < bytes.count else {
      return "the end of the file"
    }
    var iterator = bytes[offset...].makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else {
      return "a byte that is not UTF-8"
    }
    let scalar = Unicode.UTF8.decode(encoded)
    switch scalar {
    case "\n", "\r":
      return "a line break"
    case "\"":
      return "a quote (\")"
    default:
      break
    }
    let category = scalar.properties.generalCategory
    if scalar.properties.isWhitespace || category == .control || category == .format {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "the invisible character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))"
        + hex
    }
    return "\"\(scalar)\""
  }
}

extension SchemaJSONText {
  /// Text in double quotes for a message, with quotes, backslashes and invisible characters
  /// escaped so that a code such as `"city\n"` shows what it really holds.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        let category = scalar.properties.generalCategory
        if category == .control || category == .format
          || (scalar.properties.isWhitespace && scalar != " ")
        {
          result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
