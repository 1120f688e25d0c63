/// The CRM's API key: a secret that prints only in masked form.
///
/// Every textual view of a key (interpolation, `print`, `debugPrint`, `dump`) shows `masked`;
/// only `value` gives the secret, and only the request itself should read it.
public struct APIKey: Sendable, Equatable {
  /// The secret itself, as the CRM's "Site integration" page shows it.
  public let value: String

  /// Wraps a key.
  public init(_ value: String) {
    self.value = value
  }

  /// The shortest key whose last characters may be shown; shorter keys are masked completely.
  public static let minimumLengthShowingTail = 12
  /// How many trailing characters of a long key stay visible.
  public static let visibleTailLength = 4
  /// The character that stands for each hidden character.
  public static let maskCharacter: Character = "•"

  /// The key with all but its last 4 characters hidden (all hidden below 12); `(empty)` if empty.
  public var masked: String {
    guard !value.isEmpty else {
      return "(empty)"
    }
    let count = value.count
    let visible = count >= Self.minimumLengthShowingTail ? Self.visibleTailLength : 0
    return String(repeating: Self.maskCharacter, count: count - visible)
      + String(value.suffix(visible))
  }
}

extension APIKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  /// The masked key, so interpolating a key never leaks it.
  public var description: String { masked }

  /// The masked key, for `debugPrint` and `String(reflecting:)`.
  public var debugDescription: String { "APIKey(\(masked))" }

  /// A mirror without the secret, for `dump` and debuggers.
  public var customMirror: Mirror {
    Mirror(self, children: ["masked": masked], displayStyle: .struct)
  }
}
