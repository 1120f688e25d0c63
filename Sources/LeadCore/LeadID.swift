/// A lead's identity in the history log: short, random, and stable across restarts.
public struct LeadID: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The identifier as written in the log, e.g. `3f9c0a17b2e4`.
  public let rawValue: String

  /// Wraps an identifier read back from the log.
  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// A fresh identifier of 12 lower-case hex digits (48 random bits).
  public static func random() -> LeadID {
    var generator = SystemRandomNumberGenerator()
    return random(using: &generator)
  }

  /// A fresh identifier drawn from `generator`, for reproducible tests.
  public static func random(using generator: inout some RandomNumberGenerator) -> LeadID {
    let bits = generator.next() & 0xFFFF_FFFF_FFFF
    let hex = String(bits, radix: 16)
    return LeadID(rawValue: String(repeating: "0", count: 12 - hex.count) + hex)
  }

  /// The identifier itself.
  public var description: String { rawValue }

  /// Decodes from a plain JSON string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes as a plain JSON string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
