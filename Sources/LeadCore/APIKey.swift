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
  /// How many mask characters stand for the hidden part, whatever its length.
  public static let maskLength = 8
  /// The character the hidden part is shown as.
  public static let maskCharacter: Character = "•"

  /// The key as `••••••••` and its last 4 characters (none below 12); `(empty)` if empty.
  public var masked: String {
    guard !value.isEmpty else {
      return "(empty)"
    }
    // A mask of fixed length, so the mask does not give away the key's length either.
    let visible = value.count >= Self.minimumLengthShowingTail ? Self.visibleTailLength : 0
    return String(repeating: Self.maskCharacter, count: Self.maskLength)
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
