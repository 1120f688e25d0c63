import CNcursesw
import LeadUI

extension KeyDecoder {
  /// The key for a curses key code, or nil for codes the console has no use for.
  static func keyCodeInput(_ code: Int32) -> TerminalInput? {
    let functionNumber = code - cn_key_f(0)
    if (1...12).contains(functionNumber) { return .key(.function(Int(functionNumber))) }

    switch code {
    case KEY_RESIZE: return .resized
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_BTAB: return .key(.backTab)
    // Terminals disagree on Home and End: some send the keypad codes, VT220-style keyboards
    // send Find and Select.
    case KEY_HOME, KEY_A1, KEY_FIND: return .key(.home)
    case KEY_END, KEY_C1, KEY_SELECT, KEY_LL: return .key(.end)
    case KEY_PPAGE, KEY_A3: return .key(.pageUp)
    case KEY_NPAGE, KEY_C3: return .key(.pageDown)
    default: return nil
    }
  }

  /// The key for a character code on its own, or nil for codes that are not keys (C1 controls,
  /// invalid scalars). The decoder looks at Esc (27) before asking, since it may start a
  /// sequence; alone it is `.escape`.
  static func characterKey(_ value: UInt32) -> Key? {
    switch value {
    case 27: return .escape
    case 9: return .tab
    case 10, 13: return .enter
    case 8, 127: return .backspace
    case 0: return .control("@")
    case 1...26: return letterControl(value)
    case 28: return .control("\\")
    case 29: return .control("]")
    case 30: return .control("^")
    case 31: return .control("_")
    case 0x80...0x9F: return nil
    default: return Unicode.Scalar(value).map { .character(Character($0)) }
    }
  }

  /// Ctrl-A … Ctrl-Z (codes 1 to 26) as the lower-case letter; Tab, Enter and Backspace never
  /// reach here because their codes are matched first.
  private static func letterControl(_ value: UInt32) -> Key? {
    guard let letter = Unicode.Scalar(UInt32(("a" as Unicode.Scalar).value) + value - 1) else {
      return nil
    }
    return .control(Character(letter))
  }
}
