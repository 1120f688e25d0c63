import CWidth

/// Columns a character or string takes in the terminal, as the terminal itself measures them.
///
/// The width comes from glibc's `wcwidth`, which only knows non-ASCII characters under a UTF-8
/// `LC_CTYPE`; the first measurement makes sure one is in force, so the layout agrees with what
/// ncursesw draws even when the environment names a locale the machine does not have.
public enum DisplayWidth {
  /// True once `LC_CTYPE` is UTF-8; evaluated once, on first use, by the runtime's lazy init.
  private static let hasUTF8CharacterType: Bool = cwidth_ensure_utf8_ctype() == 1

  /// Columns of one grapheme cluster: its first scalar's width, at least 1 when it has several
  /// scalars; a lone combining mark or zero-width character is 0. A control character counts as
  /// the visible form `TerminalText` draws for it, since it is never drawn raw.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if TerminalText.isControl(first) {
      return scalars.reduce(0) { $0 + TerminalText.visibleForm(of: $1).count }
    }
    if first.isASCII { return 1 }
    let width = of(first)
    return scalars.count > 1 ? max(width, 1) : width
  }

  /// Columns of a string: the sum of its grapheme clusters' widths.
  public static func of(_ text: String) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// The longest prefix of `text` that fits `width` columns, ending in `…` when text was cut.
  public static func truncated(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    var kept = ""
    var used = 0
    for character in text {
      let columns = of(character)
      guard used + columns <= width - 1 else { break }
      kept.append(character)
      used += columns
    }
    return kept + "…"
  }

  /// Columns of one printable scalar; an unknown or unassigned one counts as 1, as terminals
  /// draw a replacement glyph for it.
  static func of(_ scalar: Unicode.Scalar) -> Int {
    _ = hasUTF8CharacterType
    let width = Int(cwidth_scalar(scalar.value))
    return width < 0 ? 1 : width
  }
}
