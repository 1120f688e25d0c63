import LeadCore

/// The settings screen's contents: the API key and the endpoint being edited, which of them
/// takes typing, and what the last check or save said.
///
/// The key's text is held here so that it can be saved and checked, but nothing draws it:
/// the screen shows `maskedKey` only.
public struct SettingsForm: Sendable, Equatable {
  /// The two fields of the screen, in the order Enter visits them.
  public enum Field: Sendable, Equatable, CaseIterable {
    /// The API key, shown masked.
    case key
    /// The CRM endpoint.
    case endpoint
  }

  /// What the screen says about the last check, save or refusal, and in which role.
  public struct Note: Sendable, Equatable {
    /// The text, one line with control characters neutralised.
    public var text: String
    /// `ok`, `error`, `warning` or `normal`.
    public var role: StyleRole

    /// Creates a note; the text is made one line with control characters neutralised.
    public init(_ text: String, role: StyleRole) {
      self.text = TerminalText.singleLine(text)
      self.role = role
    }
  }

  /// The key as typed or pasted; never drawn.
  var key = TextField()
  /// The endpoint as typed, prefilled with the one in use.
  public internal(set) var endpoint: TextField
  /// The field that takes typing.
  public internal(set) var focus: Field = .key
  /// The verdict of the last key check, or that one is running.
  public internal(set) var checkNote: Note?
  /// What the last save said: where it went, or why it failed; or that one is running.
  public internal(set) var saveNote: Note?
  /// True while a save is running; a second save waits for it.
  public internal(set) var isSaving = false
  /// True while a key check is running.
  public internal(set) var isChecking = false

  /// A screen with an empty key and the endpoint in use.
  public init(endpoint: String) {
    self.endpoint = TextField(endpoint)
  }

  /// The key without surrounding whitespace, as it would be saved.
  public var enteredKey: APIKey { APIKey(key.value.trimmingSurroundingWhitespace()) }

  /// The endpoint without surrounding whitespace, as it would be saved.
  public var enteredEndpoint: String { endpoint.value.trimmingSurroundingWhitespace() }

  /// How the key field looks: the mask alone, with no character of the key, or nothing while
  /// it is empty. A key being typed or erased shows no tail: as it shrinks a tail would walk
  /// back through the key one character at a time. The count under it says the typing took.
  public var maskedKey: String {
    key.isEmpty ? "" : String(repeating: APIKey.maskCharacter, count: APIKey.maskLength)
  }

  /// How many characters the key holds, for the screen's count.
  public var keyLength: Int { key.value.count }

  /// Inserts typed or pasted text into the focused field; whitespace is dropped from a key,
  /// since no key holds any and a paste often brings a line break. Returns false when the
  /// text had to be cut at the field's limit.
  mutating func insert(_ text: String) -> Bool {
    switch focus {
    case .key:
      return key.insert(String(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    case .endpoint:
      return endpoint.insert(text)
    }
  }

  /// Applies an edit or a cursor move to the focused field. The key's cursor stays at its end:
  /// with the text hidden there is nothing to move through, so erasing works from the end.
  mutating func edit(_ change: (inout TextField) -> Void) {
    switch focus {
    case .key:
      change(&key)
      key.moveToEnd()
    case .endpoint:
      change(&endpoint)
    }
  }

  /// Moves to the other field; Enter, Tab and the arrows all cycle through the two.
  mutating func moveFocus(by step: Int) {
    let fields = Field.allCases
    let index = fields.firstIndex(of: focus) ?? 0
    focus = fields[((index + step) % fields.count + fields.count) % fields.count]
  }
}

extension String {
  /// The text without leading and trailing whitespace or line breaks.
  fileprivate func trimmingSurroundingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
