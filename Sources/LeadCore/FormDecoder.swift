/// Reads `application/x-www-form-urlencoded` bytes as PHP's `parse_str` reads plain names, so the
/// sandbox sees a request exactly as the CRM's PHP would.
///
/// Rules: the text is split on `&` and empty pieces are skipped; each piece splits at its first
/// `=` (no `=` means an empty value); in names and values `+` becomes a space and `%XX` (hex, any
/// case) becomes that byte, while a `%` not followed by two hex digits stays as it is; a piece
/// whose name decodes to nothing is dropped, as PHP drops it. Names are taken as they are: PHP's
/// rewriting of `.`, spaces and `[` in names does not apply, because the client sends plain names
/// (letters, digits, `_`, `-`) only.
///
/// Decoded bytes are read as UTF-8, and a byte sequence that is not valid UTF-8 becomes U+FFFD
/// (PHP would keep the raw bytes; a Swift `String` cannot hold them). Every pair is returned in
/// order, repeats included; PHP keeps only the last of a repeated name, as `lastValue` does.
public enum FormDecoder {
  /// Decodes every `name=value` pair of the form, in order.
  public static func decode(_ bytes: [UInt8]) -> [FormPair] {
    var pairs: [FormPair] = []
    for piece in bytes.split(separator: ampersand, omittingEmptySubsequences: true) {
      let equals = piece.firstIndex(of: equalsSign)
      let rawName = piece[..<(equals ?? piece.endIndex)]
      let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? []
      let name = decodeComponent(rawName)
      guard !name.isEmpty else { continue }
      pairs.append(FormPair(name: name, value: decodeComponent(rawValue)))
    }
    return pairs
  }

  /// Decodes the form held in a string's UTF-8 bytes, such as a URL's raw query.
  public static func decode(_ text: String) -> [FormPair] {
    decode(Array(text.utf8))
  }

  /// The value PHP would see for `name`: the last pair's, or nil when the name is absent.
  public static func lastValue(named name: String, in pairs: [FormPair]) -> String? {
    pairs.last { $0.name == name }?.value
  }

  /// Decodes one name or value: `+` to a space, valid `%XX` escapes to bytes, then UTF-8.
  static func decodeComponent(_ raw: ArraySlice<UInt8>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
      let byte = raw[index]
      if byte == plus {
        bytes.append(space)
      } else if byte == percent, let high = hexValue(raw, index + 1),
        let low = hexValue(raw, index + 2)
      {
        bytes.append(high << 4 | low)
        index += 2
      } else {
        bytes.append(byte)
      }
      index += 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The value of the hex digit at `index`, or nil when there is none.
  private static func hexValue(_ raw: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
    guard index < raw.endIndex else { return nil }
    switch raw[index] {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return raw[index] - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return raw[index] - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return raw[index] - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  private static let ampersand = UInt8(ascii: "&")
  private static let equalsSign = UInt8(ascii: "=")
  private static let plus = UInt8(ascii: "+")
  private static let percent = UInt8(ascii: "%")
  private static let space = UInt8(ascii: " ")
}
