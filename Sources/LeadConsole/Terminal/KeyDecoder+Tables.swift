import CNcursesw
import LeadUI

extension KeyDecoder {
  /// The key for a curses key code, or nil for codes the console has no use for.
  static func key(forCode code: Int32) -> Key? {
    let functionNumber = code - cn_key_f(0)
    if (1...12).contains(functionNumber) { return .function(Int(functionNumber)) }

    switch code {
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_BTAB: return .backTab
    // Terminals disagree on Home and End: some send the keypad codes, VT220-style keyboards
    // send Find and Select.
    case KEY_HOME, KEY_A1, KEY_FIND: return .home
    case KEY_END, KEY_C1, KEY_SELECT, KEY_LL: return .end
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    default: return extendedKey(forCode: code)
    }
  }

  /// Keys that terminal descriptions name only as extended capabilities, so curses gives
  /// them codes of its own choosing at start: Ctrl-Left (`kLFT5`) and Ctrl-Right (`kRIT5`),
  /// found by the name curses reports for the code.
  private static func extendedKey(forCode code: Int32) -> Key? {
    guard let name = keyname(code) else { return nil }
    switch String(cString: name) {
    case "kLFT5": return .controlLeft
    case "kRIT5": return .controlRight
    default: return nil
    }
  }
}
