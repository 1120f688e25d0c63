extension KeySequenceDecoder {
  /// The key for a character code on its own, or nil for codes that are not keys (C1 controls,
  /// invalid scalars). The decoder looks at Esc (27) before asking, since it may start a
  /// sequence; alone it is `.escape`. Backspace arrives as DEL (127) from most terminals and
  /// as Ctrl-H (8) from some: both are Backspace.
  public static func characterKey(_ value: UInt32) -> Key? {
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

  /// The key for an `ESC [` sequence the terminal library passed through undecoded, or nil
  /// for one the console has no use for. The xterm forms carry modifiers as a second
  /// parameter (`1;5` is Ctrl): Ctrl-Left and Ctrl-Right step by word; the plain arrows,
  /// Home, End, Delete and the page keys are decoded too, for terminals whose description
  /// lacks them.
  static func controlSequenceKey(parameters: String, final: Unicode.Scalar) -> Key? {
    let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
    let modifier = fields.count > 1 ? Int(fields[1]) ?? 1 : 1
    if final == "~" {
      guard modifier == 1, let code = fields.first.flatMap({ Int($0) }) else { return nil }
      return tildeKeys[code]
    }
    guard fields.count <= 2, fields.first.map({ $0.isEmpty || $0 == "1" }) ?? true else {
      return nil
    }
    switch (final, modifier) {
    case ("D", 5): return .controlLeft
    case ("C", 5): return .controlRight
    case (_, 1): return plainCursorKeys[final]
    default: return nil
    }
  }

  /// `ESC [` then a letter: the cursor keys in their ANSI form.
  private static let plainCursorKeys: [Unicode.Scalar: Key] = [
    "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "Z": .backTab,
  ]

  /// `ESC [` number `~`: the VT220 editing keys.
  private static let tildeKeys: [Int: Key] = [
    1: .home, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
  ]

  /// Ctrl-A … Ctrl-Z (codes 1 to 26) as the lower-case letter; Tab, Enter and Backspace never
  /// reach here because their codes are matched first.
  private static func letterControl(_ value: UInt32) -> Key? {
    guard let letter = Unicode.Scalar(UInt32(("a" as Unicode.Scalar).value) + value - 1) else {
      return nil
    }
    return .control(Character(letter))
  }
}
