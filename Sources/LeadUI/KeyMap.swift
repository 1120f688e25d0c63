/// Which part of the screen takes the keys; each has its own key map.
public enum FocusArea: Sendable, Equatable, Hashable, CaseIterable {
  /// A text field of the form: printable keys type text, so commands use F-keys, Ctrl and
  /// navigation keys only.
  case formField
  /// A field that holds several lines (the comment): Up and Down move between its lines,
  /// Alt-Enter starts a new one, the other keys are the form's.
  case multiLineField
  /// A yes/no field: Space switches it, the other keys are the form's.
  case switchField
  /// A select field with its list closed: Enter opens the list, the other keys are the form's.
  case selectField
  /// A select field with its list open: keys move in the list, typing narrows it.
  case pickList
  /// The field-code browser: typing filters, keys move in the list.
  case fieldBrowser
  /// The settings screen: typing goes into the API key or the endpoint.
  case settings
  /// The history pane: typing filters, keys move in the list.
  case history
  /// The detail view of one history entry: its actions are F-keys and Ctrl keys.
  case historyDetail
  /// The help screen over everything else: keys scroll it, Esc closes it.
  case help
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

  /// This map with `added` placed right after the last binding of `command` (at the end when
  /// the command is not bound); keys already bound here keep their binding.
  public func inserting(_ added: [Binding], after command: Command) -> KeyMap {
    let position = bindings.lastIndex { $0.command == command }.map { $0 + 1 } ?? bindings.count
    let bound = Set(bindings.map(\.key))
    var merged = bindings
    merged.insert(
      contentsOf: added.filter { !bound.contains(KeyMap.normalised($0.key)) }, at: position)
    return KeyMap(bindings: merged)
  }

  /// `layer`'s bindings first, then this map's for every key the layer leaves free.
  public func beneath(_ layer: [Binding]) -> KeyMap {
    KeyMap(bindings: layer + bindings)
  }

  /// Ctrl or Alt with an upper-case letter is the same key as with the lower-case one, so
  /// Caps Lock or a held Shift does not change what the key does.
  static func normalised(_ key: Key) -> Key {
    switch key {
    case .control(let character):
      character.lowercased().first.map { .control($0) } ?? key
    case .alt(let character):
      character.lowercased().first.map { .alt($0) } ?? key
    default:
      key
    }
  }
}
