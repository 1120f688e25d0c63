import CNcursesw
import LeadUI

/// How one style role looks on this terminal: curses attributes and a colour pair (0 is the
/// terminal's own colours).
struct Look: Equatable {
  /// Attributes such as bold or reverse.
  var attributes: attr_t
  /// The colour pair number, as `setcchar` takes it.
  var pair: Int16
}

/// Maps style roles to looks: colour pairs when the terminal has colours and `NO_COLOR` is
/// unset, otherwise plain attributes that keep every role distinguishable in monochrome.
struct Palette {
  /// The fewest colours the coloured table uses: the eight basic ones.
  static let coloursNeeded: Int32 = 8

  private let looks: [StyleRole: Look]

  /// The look for a role; roles missing from the table look normal.
  func look(for role: StyleRole) -> Look {
    looks[role] ?? Look(attributes: 0, pair: 0)
  }

  /// Attributes only: bold, reverse, underline and dim.
  static func monochrome() -> Palette {
    var looks: [StyleRole: Look] = [:]
    for role in StyleRole.allCases {
      looks[role] = Look(attributes: monochromeAttributes(role), pair: 0)
    }
    return Palette(looks: looks)
  }

  /// Colour pairs, one per role; call after `start_color`. `defaultColors` is what
  /// `use_default_colors` answered: without it, "the terminal's colour" becomes white on black.
  static func coloured(defaultColors: Bool) -> Palette {
    var looks: [StyleRole: Look] = [:]
    for (index, role) in StyleRole.allCases.enumerated() {
      let scheme = colourScheme(role)
      let foreground = scheme.foreground ?? (defaultColors ? -1 : Int16(COLOR_WHITE))
      let background = scheme.background ?? (defaultColors ? -1 : Int16(COLOR_BLACK))
      let pair = Int16(index + 1)
      _ = init_pair(pair, foreground, background)
      looks[role] = Look(attributes: scheme.attributes, pair: pair)
    }
    return Palette(looks: looks)
  }

  private static func monochromeAttributes(_ role: StyleRole) -> attr_t {
    switch role {
    case .normal: 0
    case .label, .ok, .warning: cn_attr_bold()
    case .input: cn_attr_underline()
    case .focusedInput, .keyHint, .selected: cn_attr_reverse()
    case .invalid: cn_attr_bold() | cn_attr_underline()
    case .error, .title: cn_attr_bold() | cn_attr_reverse()
    case .dim: cn_attr_dim()
    }
  }

  /// Foreground, background (nil: the terminal's own) and attributes for each role.
  private static func colourScheme(_ role: StyleRole)
    -> (foreground: Int16?, background: Int16?, attributes: attr_t)
  {
    switch role {
    case .normal: (nil, nil, 0)
    case .label: (Int16(COLOR_CYAN), nil, 0)
    case .input: (Int16(COLOR_WHITE), Int16(COLOR_BLUE), 0)
    case .focusedInput: (Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0)
    case .invalid: (Int16(COLOR_WHITE), Int16(COLOR_RED), cn_attr_bold())
    case .ok: (Int16(COLOR_GREEN), nil, cn_attr_bold())
    case .error: (Int16(COLOR_RED), nil, cn_attr_bold())
    case .warning: (Int16(COLOR_YELLOW), nil, cn_attr_bold())
    case .dim: (nil, nil, cn_attr_dim())
    case .title: (Int16(COLOR_WHITE), Int16(COLOR_BLUE), cn_attr_bold())
    case .keyHint: (Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0)
    case .selected: (nil, nil, cn_attr_reverse())
    }
  }
}
