/// Short, terminal-safe excerpts of text that came from outside (answer bodies, error texts).
///
/// A server's body may hold escape sequences that would move the cursor, retitle the window or
/// recolour the screen; nothing from outside reaches the terminal without passing through here.
public enum TextExcerpt {
  /// The longest excerpt, in characters, ellipsis included.
  public static let maximumLength = 80

  /// How many bytes are looked at at most, so a huge body costs little.
  static let scannedByteLimit = 4096

  /// The first characters of `bytes` read as UTF-8, made safe to print on one line.
  public static func of(_ bytes: [UInt8], limit: Int = maximumLength) -> String {
    let head = bytes.prefix(scannedByteLimit)
    let text = String(decoding: head, as: UTF8.self)
    return of(text, limit: limit, truncatedInput: bytes.count > head.count)
  }

  /// The text with escape sequences removed, controls and runs of whitespace made single
  /// spaces, trimmed, and cut to `limit` characters with `…` when longer.
  public static func of(_ text: String, limit: Int = maximumLength) -> String {
    of(text, limit: limit, truncatedInput: false)
  }

  private static func of(_ text: String, limit: Int, truncatedInput: Bool) -> String {
    let cleaned = sanitized(text)
    guard cleaned.count > limit || (truncatedInput && cleaned.count == limit) else {
      return cleaned
    }
    return String(cleaned.prefix(max(limit - 1, 0))) + "…"
  }

  /// One printable line: sequences dropped, every other invisible character made a space.
  static func sanitized(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var pendingSpace = false
    while let scalar = scalars.next() {
      if scalar == "\u{1B}" || scalar == "\u{9B}" {
        skipEscapeSequence(startingWith: scalar, in: &scalars)
        continue
      }
      if isDropped(scalar) {
        continue
      }
      if isSpacing(scalar) {
        pendingSpace = !output.isEmpty
        continue
      }
      if pendingSpace {
        output.append(" ")
        pendingSpace = false
      }
      output.append(scalar)
    }
    return String(output)
  }

  /// Consumes a CSI, OSC/DCS string or two-character escape so none of it is printed.
  private static func skipEscapeSequence(
    startingWith introducer: Unicode.Scalar,
    in scalars: inout String.UnicodeScalarView.Iterator
  ) {
    let kind = introducer == "\u{9B}" ? "[" : scalars.next()
    if kind == "[" {
      // Parameters and intermediates, up to and including the final byte @ to ~.
      while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
      return
    }
    if kind == "]" || kind == "P" || kind == "X" || kind == "^" || kind == "_" {
      // A string terminated by BEL or ST (ESC \).
      while let next = scalars.next() {
        if next == "\u{07}" || next == "\u{9C}" {
          return
        }
        if next == "\u{1B}" {
          _ = scalars.next()
          return
        }
      }
    }
  }

  /// Format characters (bidi overrides, byte-order marks) vanish; the joiners emoji and some
  /// scripts need are kept.
  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .format && scalar != "\u{200C}" && scalar != "\u{200D}"
  }

  /// Controls, line breaks and whitespace of any kind all become one plain space.
  private static func isSpacing(_ scalar: Unicode.Scalar) -> Bool {
    let category = scalar.properties.generalCategory
    return category == .control || category == .lineSeparator || category == .paragraphSeparator
      || scalar.properties.isWhitespace
  }
}
