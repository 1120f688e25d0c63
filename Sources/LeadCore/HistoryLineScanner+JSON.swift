import Foundation

/// The JSON grammar the line scanner needs (RFC 8259), over raw bytes, without building values
/// it skips.
extension HistoryLineScanner {
  /// Nesting deeper than this is refused rather than followed.
  private static let maximumDepth = 64

  var peek: UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  mutating func skipWhiteSpace() {
    while let byte = peek,
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    {
      position += 1
    }
  }

  /// Reads an object, handing each key to `member`, which must consume the value.
  mutating func objectMembers(_ member: (inout HistoryLineScanner, RawKey) -> Bool) -> Bool {
    skipWhiteSpace()
    guard peek == UInt8(ascii: "{") else { return false }
    position += 1
    skipWhiteSpace()
    if peek == UInt8(ascii: "}") {
      position += 1
      return true
    }
    while true {
      skipWhiteSpace()
      guard let raw = rawString() else { return false }
      let key: RawKey
      if raw.escaped {
        guard let decoded = text(raw) else { return false }
        key = RawKey(decoded: decoded)
      } else {
        key = RawKey(bytes: UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]))
      }
      skipWhiteSpace()
      guard peek == UInt8(ascii: ":") else { return false }
      position += 1
      guard member(&self, key) else { return false }
      skipWhiteSpace()
      switch peek {
      case UInt8(ascii: ","):
        position += 1
      case UInt8(ascii: "}"):
        position += 1
        return true
      default:
        return false
      }
    }
  }

  /// Reads a string's body as a range, checking its UTF-8 and that each escape is one of
  /// JSON's; the escapes themselves are decoded only when the text is needed.
  mutating func rawString() -> RawString? {
    skipWhiteSpace()
    guard peek == UInt8(ascii: "\"") else { return nil }
    position += 1
    let start = position
    var escaped = false
    let count = bytes.count
    while position < count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let raw = RawString(start: start, end: position, escaped: escaped)
        position += 1
        return raw
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
        guard position + 1 < count else { return nil }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
          UInt8(ascii: "u"):
          position += 2
        default:
          return nil
        }
      } else if byte < 0x20 {
        return nil
      } else if byte < 0x80 {
        position += 1
      } else {
        guard let length = utf8SequenceLength(at: position) else { return nil }
        position += length
      }
    }
    return nil
  }

  /// The length of the valid UTF-8 sequence starting at `index`, or nil (overlong forms,
  /// surrogates and values past U+10FFFF are invalid, as in any strict decoder).
  private func utf8SequenceLength(at index: Int) -> Int? {
    let lead = bytes[index]
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      index + offset < bytes.count && range.contains(bytes[index + offset])
    }
    switch lead {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : nil
    case 0xE0:
      return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : nil
    case 0xED:
      return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
    case 0xF0:
      return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
    case 0xF4:
      return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
    default:
      return nil
    }
  }

  /// Reads an integer (no fraction, no exponent), as the encoder writes attempt numbers.
  mutating func integer() -> Int? {
    skipWhiteSpace()
    let start = position
    if peek == UInt8(ascii: "-") { position += 1 }
    var value = 0
    var digits = 0
    while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      value = product + Int(byte - UInt8(ascii: "0"))
      digits += 1
      position += 1
    }
    guard digits > 0 else { return nil }
    return bytes[start] == UInt8(ascii: "-") ? -value : value
  }

  /// Consumes `word` when it comes next.
  mutating func literal(_ word: StaticString) -> Bool {
    skipWhiteSpace()
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
      return false
    }
    position += count
    return true
  }

  /// Skips one value of any kind, checking its grammar.
  mutating func skipValue(depth: Int = 0) -> Bool {
    guard depth < Self.maximumDepth else { return false }
    skipWhiteSpace()
    switch peek {
    case UInt8(ascii: "\""):
      guard let raw = rawString() else { return false }
      return !raw.escaped || text(raw) != nil
    case UInt8(ascii: "{"):
      return objectMembers { scanner, _ in scanner.skipValue(depth: depth + 1) }
    case UInt8(ascii: "["):
      return skipArray(depth: depth)
    case UInt8(ascii: "t"):
      return literal("true")
    case UInt8(ascii: "f"):
      return literal("false")
    case UInt8(ascii: "n"):
      return literal("null")
    default:
      return skipNumber()
    }
  }

  private mutating func skipArray(depth: Int) -> Bool {
    position += 1
    skipWhiteSpace()
    if peek == UInt8(ascii: "]") {
      position += 1
      return true
    }
    while true {
      guard skipValue(depth: depth + 1) else { return false }
      skipWhiteSpace()
      switch peek {
      case UInt8(ascii: ","):
        position += 1
      case UInt8(ascii: "]"):
        position += 1
        return true
      default:
        return false
      }
    }
  }

  private mutating func skipNumber() -> Bool {
    if peek == UInt8(ascii: "-") { position += 1 }
    guard skipDigits() else { return false }
    if peek == UInt8(ascii: ".") {
      position += 1
      guard skipDigits() else { return false }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      position += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
      guard skipDigits() else { return false }
    }
    return true
  }

  private mutating func skipDigits() -> Bool {
    let start = position
    while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
      position += 1
    }
    return position > start
  }

  /// Decodes a string body holding escapes; nil for a bad escape or text that is not UTF-8.
  static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    var scalars = String.UnicodeScalarView()
    var utf8: [UInt8] = []
    var index = 0
    func flush() -> Bool {
      guard !utf8.isEmpty else { return true }
      guard let text = String(validating: utf8, as: UTF8.self) else { return false }
      scalars.append(contentsOf: text.unicodeScalars)
      utf8.removeAll(keepingCapacity: true)
      return true
    }
    while index < raw.count {
      let byte = raw[index]
      guard byte == UInt8(ascii: "\\") else {
        utf8.append(byte)
        index += 1
        continue
      }
      guard index + 1 < raw.count, flush() else { return nil }
      let code = raw[index + 1]
      index += 2
      switch code {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        guard let scalar = unicodeEscape(raw, at: &index) else { return nil }
        scalars.append(scalar)
      default:
        return nil
      }
    }
    guard flush() else { return nil }
    return String(scalars)
  }

  /// The scalar of `\uXXXX` (its digits starting at `index`), a surrogate pair read whole.
  private static func unicodeEscape(_ raw: UnsafeBufferPointer<UInt8>, at index: inout Int)
    -> Unicode.Scalar?
  {
    guard let high = hexQuad(raw, at: index) else { return nil }
    index += 4
    if (0xD800..<0xDC00).contains(high) {
      guard index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"),
        raw[index + 1] == UInt8(ascii: "u"), let low = hexQuad(raw, at: index + 2),
        (0xDC00..<0xE000).contains(low)
      else { return nil }
      index += 6
      return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }
    return Unicode.Scalar(high)
  }

  private static func hexQuad(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
    guard index + 4 <= raw.count else { return nil }
    var value: UInt32 = 0
    for byte in raw[index..<index + 4] {
      guard let digit = hexDigit(byte) else { return nil }
      value = value << 4 | digit
    }
    return value
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}

/// An object's key as the scanner met it: its bytes, or its decoded text when it held escapes.
/// Matched against string literals in a `switch` without building a `String`.
struct RawKey {
  var bytes: UnsafeBufferPointer<UInt8>?
  var decoded: String?

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  init(decoded: String) {
    self.decoded = decoded
  }

  static func ~= (pattern: StaticString, key: RawKey) -> Bool {
    guard let bytes = key.bytes else {
      return key.decoded == pattern.description
    }
    let count = pattern.utf8CodeUnitCount
    guard bytes.count == count else { return false }
    let literal = pattern.utf8Start
    for index in 0..<count where bytes[index] != literal[index] {
      return false
    }
    return true
  }
}
