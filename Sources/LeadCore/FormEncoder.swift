/// One name–value pair of a form, in the order it is sent.
public struct FormPair: Sendable, Equatable {
  /// The field's name, e.g. `phone` or an extra field's code.
  public var name: String
  /// The field's value, exactly as it is to arrive.
  public var value: String

  /// Creates a pair.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// Writes ordered pairs as `application/x-www-form-urlencoded` text, byte for byte as PHP's
/// `http_build_query` does with its default RFC 1738 encoding.
///
/// The CRM decodes what it receives with PHP, so matching PHP's encoder exactly is what makes
/// every value (`+`, `&`, Cyrillic, emoji) arrive unchanged.
public enum FormEncoder {
  /// Encodes the pairs as `name=value` joined with `&`, in the given order.
  public static func encode(_ pairs: [FormPair]) -> String {
    var bytes: [UInt8] = []
    for (index, pair) in pairs.enumerated() {
      if index > 0 {
        bytes.append(ascii("&"))
      }
      appendEncoded(pair.name, to: &bytes)
      bytes.append(ascii("="))
      appendEncoded(pair.value, to: &bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Encodes one name or value as `urlencode` does: unreserved bytes kept, space as `+`.
  public static func encodeComponent(_ text: String) -> String {
    var bytes: [UInt8] = []
    appendEncoded(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the encoded UTF-8 bytes of `text`; only ASCII ever reaches `bytes`.
  private static func appendEncoded(_ text: String, to bytes: inout [UInt8]) {
    for byte in text.utf8 {
      if isKept(byte) {
        bytes.append(byte)
      } else if byte == ascii(" ") {
        bytes.append(ascii("+"))
      } else {
        bytes.append(ascii("%"))
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 0x0F)])
      }
    }
  }

  /// PHP keeps letters, digits and `-_.` only; unlike RFC 3986 it encodes `~`.
  private static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case ascii("A")...ascii("Z"), ascii("a")...ascii("z"), ascii("0")...ascii("9"):
      true
    case ascii("-"), ascii("_"), ascii("."):
      true
    default:
      false
    }
  }

  /// Upper-case hex, as PHP writes it.
  private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

  /// The byte of an ASCII character literal.
  private static func ascii(_ character: Unicode.Scalar) -> UInt8 {
    UInt8(ascii: character)
  }
}
