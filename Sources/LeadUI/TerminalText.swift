/// Makes text safe to draw: no character that a terminal would obey instead of showing.
///
/// Text from the network or a history file may carry escape sequences that clear the screen,
/// move the cursor or retitle the window, and bidirectional overrides that reorder what the
/// operator reads. Every such character is replaced by a visible stand-in, so a hostile string
/// shows as odd text and never acts: ESC becomes `^[`, other C0 controls `^@`…`^_`, DEL `^?`,
/// and C1 controls, bidi controls and line or paragraph separators `�`.
public enum TerminalText {
  /// The stand-in for characters that have no caret form.
  public static let replacement = "\u{FFFD}"

  /// The text with every control character replaced by its visible form.
  public static func neutralised(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var output = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        output += visibleForm(of: scalar)
      } else {
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  /// One line of text: each tab and line break (CR, LF or CR LF) becomes a space, then every
  /// other control character is neutralised. For status messages that must stay on one row.
  public static func singleLine(_ text: String) -> String {
    neutralised(spacingLineBreaks(text))
  }

  /// The text with each tab and line break made one space; other characters unchanged.
  public static func spacingLineBreaks(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\r", "\t":
        output.append(" ")
      case "\n" where previousWasCarriageReturn:
        break
      case "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
        output.append(" ")
      default:
        output.append(scalar)
      }
      previousWasCarriageReturn = scalar == "\r"
    }
    return String(output)
  }

  /// True for a scalar that must never reach the terminal as itself.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    case 0x2028, 0x2029: true
    default: false
    }
  }

  /// How a control scalar is shown: caret notation for C0 and DEL, `�` for the rest; any other
  /// scalar is returned as itself.
  public static func visibleForm(of scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00...0x1F:
      "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
    case 0x7F:
      "^?"
    case _ where isControl(scalar):
      replacement
    default:
      String(scalar)
    }
  }
}
