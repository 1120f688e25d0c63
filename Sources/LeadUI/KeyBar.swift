/// The key bar at the bottom of the screen, generated from a key map so it cannot drift from
/// what the keys really do.
public enum KeyBar {
  /// One command in the bar: its keys as the keyboard labels them, and its title.
  public struct Entry: Sendable, Equatable {
    /// The keys, main key first, e.g. `F2/^S`.
    public var keys: String
    /// The command's title, e.g. `Send`.
    public var title: String

    /// Creates an entry.
    public init(keys: String, title: String) {
      self.keys = keys
      self.title = title
    }
  }

  /// The bar's entries for a map: each listed command once, by `Command.keyBarTier`, and
  /// within a tier those whose main key is an F-key first, then the rest, each group in the
  /// map's order. A narrow bar drops entries from the end, so the F-keys, which nothing else
  /// on screen mentions, stay longest. Titles are in `language`.
  public static func entries(for map: KeyMap, language: InterfaceLanguage = .english) -> [Entry] {
    let listed = map.commands.filter(\.isListedInKeyBar)
    let rank = { (command: Command) in
      command.keyBarTier * 2 + (isFunctionKey(map.keys(for: command).first) ? 0 : 1)
    }
    let ordered = listed.enumerated()
      .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
      .map(\.element)
    return ordered.map { command in
      Entry(
        keys: map.keys(for: command).map(\.label).joined(separator: "/"),
        title: command.title(in: language))
    }
  }

  /// True for F1 to F12.
  private static func isFunctionKey(_ key: Key?) -> Bool {
    if case .function = key { true } else { false }
  }
}

extension Key {
  /// How the key is written in the key bar and in help: `F2`, `^S`, `Alt-p`, `Tab`, `S-Tab`,
  /// `↓`, `^←`, `Space`. Alt keys keep the letter's case (terminals send Esc and the letter
  /// as typed); Ctrl keys are upper case, as keyboards label them.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .control(let character): "^" + character.uppercased()
    case .alt(let character): "Alt-" + String(character)
    case .function(let number): "F\(number)"
    case .enter: "Enter"
    case .altEnter: "Alt-Enter"
    case .tab: "Tab"
    case .backTab: "S-Tab"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .controlLeft: "^←"
    case .controlRight: "^→"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .backspace: "Bksp"
    case .delete: "Del"
    case .escape: "Esc"
    case .paste: "Paste"
    }
  }
}
