/// Which part of the screen takes the keys; each has its own key map.
public enum FocusArea: Sendable, Equatable, Hashable, CaseIterable {
  /// A text field of the form: printable keys type text, so commands use F-keys, Ctrl and
  /// navigation keys only.
  case formField
}

/// The keys bound to commands in one focus area, in the order the key bar lists them.
public struct KeyMap: Sendable, Equatable {
  /// One key and the command it gives.
  public struct Binding: Sendable, Equatable, Hashable {
    /// The key.
    public var key: Key
    /// What it does.
    public var command: Command

    /// Creates a binding.
    public init(_ key: Key, _ command: Command) {
      self.key = key
      self.command = command
    }
  }

  /// Every binding; the first binding of a command is its main key.
  public let bindings: [Binding]

  /// Creates a map; a key bound twice keeps its first binding.
  public init(bindings: [Binding]) {
    var seen: Set<Key> = []
    self.bindings = bindings.map { Binding(KeyMap.normalised($0.key), $0.command) }
      .filter { seen.insert($0.key).inserted }
  }

  /// The map in force when `area` has the focus.
  public static func standard(for area: FocusArea) -> KeyMap {
    switch area {
    case .formField: formField
    }
  }

  /// Keys in a form field. Ctrl-S and Ctrl-Q stand in for F2 and F10 on keyboards or
  /// terminals where F-keys are taken; Ctrl-C quits because in raw mode it arrives as a key.
  /// Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M are left alone: terminals send them for Backspace, Tab
  /// and Enter.
  public static let formField = KeyMap(bindings: [
    Binding(.function(2), .send),
    Binding(.control("s"), .send),
    Binding(.function(10), .quit),
    Binding(.control("q"), .quit),
    Binding(.control("c"), .quit),
    Binding(.tab, .nextField),
    Binding(.down, .nextField),
    Binding(.enter, .nextField),
    Binding(.backTab, .previousField),
    Binding(.up, .previousField),
    Binding(.left, .cursorLeft),
    Binding(.right, .cursorRight),
    Binding(.home, .cursorToStart),
    Binding(.control("a"), .cursorToStart),
    Binding(.end, .cursorToEnd),
    Binding(.control("e"), .cursorToEnd),
    Binding(.backspace, .deleteBackward),
    Binding(.delete, .deleteForward),
  ])

  /// The command a key gives, or nil when the key is not bound here.
  public func command(for key: Key) -> Command? {
    let wanted = KeyMap.normalised(key)
    return bindings.first { $0.key == wanted }?.command
  }

  /// The keys bound to a command, main key first.
  public func keys(for command: Command) -> [Key] {
    bindings.filter { $0.command == command }.map(\.key)
  }

  /// The commands in the order of their first binding, each once.
  public var commands: [Command] {
    var seen: Set<Command> = []
    return bindings.map(\.command).filter { seen.insert($0).inserted }
  }

  /// Ctrl with an upper-case letter is the same key as with the lower-case one.
  static func normalised(_ key: Key) -> Key {
    guard case .control(let character) = key, let lower = character.lowercased().first else {
      return key
    }
    return .control(lower)
  }
}
