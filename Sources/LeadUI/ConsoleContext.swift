import Foundation

/// What the console knows about its setting from start-up, never the API key itself.
public struct ConsoleContext: Sendable {
  /// The CRM endpoint leads go to.
  public var endpoint: String
  /// The API key in masked form, or nil when there is none.
  public var maskedKey: String?
  /// False when leads cannot be sent (no key); sending then says where to put one.
  public var canSend: Bool
  /// Warnings to show at start-up (GET mode, a non-UTF-8 locale, ...).
  public var notices: [String]
  /// The time zone the history's times are shown in.
  public var timeZone: TimeZone

  /// Creates a context; times are shown in the machine's time zone unless told otherwise.
  public init(
    endpoint: String,
    maskedKey: String?,
    canSend: Bool,
    notices: [String] = [],
    timeZone: TimeZone = .current
  ) {
    self.endpoint = endpoint
    self.maskedKey = maskedKey
    self.canSend = canSend
    self.notices = notices
    self.timeZone = timeZone
  }
}
