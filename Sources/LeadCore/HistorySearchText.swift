import Foundation

/// The text the history filter looks in, folded the way operators type: lower case, `ё` as
/// `е`, phones as digits.
///
/// Each lead's searchable text is one record of bytes,
/// `<first> <last> US <email> RS <phone digits> LF`, so one substring search over every lead's
/// text at once finds the matches; the separators are control characters no query holds.
public enum HistorySearchText {
  /// Separates the name from the e-mail (unit separator).
  static let emailMark: UInt8 = 0x1F
  /// Separates the e-mail from the phone's digits (record separator).
  static let digitsMark: UInt8 = 0x1E
  /// Ends a lead's text.
  static let end: UInt8 = 0x0A

  /// Lower-cased, with `ё` read as `е`, so either spelling of a Russian name finds both.
  public static func folded(_ text: String) -> String {
    String(decoding: foldedBytes(text), as: UTF8.self)
  }

  /// The UTF-8 of `folded(_:)`. ASCII and Cyrillic are folded byte by byte (the fast path
  /// every Russian lead takes); any other text goes through Unicode's own lower-casing.
  public static func foldedBytes(_ text: String) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    if appendFolded(text.utf8, to: &output, passingOthers: false) {
      return output
    }
    output.removeAll(keepingCapacity: true)
    _ = appendFolded(text.lowercased().utf8, to: &output, passingOthers: true)
    return output
  }

  /// Folds ASCII and Cyrillic (U+0400–U+045F) into `output`. Other characters are copied when
  /// `passingOthers`, else the fold stops there and answers false.
  static func appendFolded(
    _ utf8: some Sequence<UInt8>, to output: inout [UInt8], passingOthers: Bool
  ) -> Bool {
    var iterator = utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        output.append(byte + 32)
      case 0..<0x80:
        output.append(byte)
      case 0xD0, 0xD1:
        // In valid UTF-8 these are always the first of two bytes.
        guard let second = iterator.next() else { return false }
        appendCyrillic(lead: byte, second, to: &output)
      default:
        guard passingOthers else { return false }
        output.append(byte)
      }
    }
    return true
  }

  /// One Cyrillic letter (two UTF-8 bytes), lower-cased, with Ё and ё as е.
  private static func appendCyrillic(lead: UInt8, _ second: UInt8, to output: inout [UInt8]) {
    // U+0400 is D0 80; U+0410–U+042F are D0 90–D0 AF; U+0430–U+043F are D0 B0–D0 BF;
    // U+0440–U+044F are D1 80–D1 8F; U+0450–U+045F are D1 90–D1 9F.
    let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(second & 0x3F)
    var lower = scalar
    switch scalar {
    case 0x0400...0x040F: lower = scalar + 0x50
    case 0x0410...0x042F: lower = scalar + 0x20
    default: break
    }
    if lower == 0x0451 {  // ё
      lower = 0x0435  // е
    }
    output.append(0xC0 | UInt8(lower >> 6))
    output.append(0x80 | UInt8(lower & 0x3F))
  }

  /// Appends the searchable record of one lead to `text`; answers how many bytes its folded
  /// first name took.
  static func appendRecord(
    firstName: String, lastName: String, email: String, phone: String, to text: inout [UInt8]
  ) -> Int {
    appendRecord(
      firstName: { appendName(firstName, to: &$0) }, lastName: { appendName(lastName, to: &$0) },
      email: { appendEmail(email, to: &$0) }, phoneDigits: phoneDigits(phone), to: &text)
  }

  /// Appends a record whose parts `firstName`, `lastName` and `email` append themselves.
  static func appendRecord(
    firstName: (inout [UInt8]) -> Void, lastName: (inout [UInt8]) -> Void,
    email: (inout [UInt8]) -> Void, phoneDigits: some Sequence<UInt8>, to text: inout [UInt8]
  ) -> Int {
    let start = text.count
    firstName(&text)
    let firstNameLength = text.count - start
    text.append(UInt8(ascii: " "))
    lastName(&text)
    text.append(emailMark)
    email(&text)
    text.append(digitsMark)
    text += phoneDigits
    text.append(end)
    return firstNameLength
  }

  /// A name, folded; control characters typed into it become spaces, never separators.
  static func appendName(_ name: String, to text: inout [UInt8]) {
    text += foldedBytes(name).map { $0 < 0x20 ? UInt8(ascii: " ") : $0 }
  }

  /// An e-mail, folded, without control characters.
  static func appendEmail(_ email: String, to text: inout [UInt8]) {
    text += foldedBytes(email).filter { $0 >= 0x20 }
  }

  /// `DuplicateCheck.normalisedPhone(_:)` as bytes: the digits, an 11-digit number's leading 8
  /// read as 7.
  static func phoneDigits(_ phone: String) -> [UInt8] {
    phoneDigits(utf8: phone.utf8)
  }

  /// The digits of a phone given as UTF-8, as `phoneDigits(_:)` reads them.
  static func phoneDigits(utf8: some Sequence<UInt8>) -> [UInt8] {
    var digits = utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    if digits.count == 11, digits[0] == UInt8(ascii: "8") {
      digits[0] = UInt8(ascii: "7")
    }
    return digits
  }
}
