import Foundation
import LeadCore

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
  /// The fields the form holds beyond the base fields; empty when there is no schema.
  public var schema: Schema
  /// What is wrong with the schema file when it could not be used; the form then holds the
  /// base fields only and shows this.
  public var schemaNotice: String?
  /// The request F2 would send for a lead (method, URL and body, the key masked); nil when
  /// the console cannot tell.
  public var preview: (@Sendable (Lead) -> String)?
  /// The same request as a multi-line `curl` command, one `--data-raw` per encoded pair, the
  /// key masked; nil when the console cannot tell.
  public var curlPreview: (@Sendable (Lead) -> String)?
  /// True against the built-in sandbox: saving settings then changes this session only, so
  /// the demo key never replaces the operator's own in the config file.
  public var isSandbox: Bool
  /// The clock that decides whether an earlier lead is recent enough to be a duplicate.
  public var now: @Sendable () -> Date
  /// A lead with this many attempts is no longer resent on its own (`max_attempts`).
  public var maxAttempts: Int
  /// The language the operator's locale variables ask for, whether or not that locale is
  /// installed; the console's words follow it.
  public var language: InterfaceLanguage

  /// Creates a context; times are shown in the machine's time zone and words are English unless
  /// told otherwise.
  public init(
    endpoint: String,
    maskedKey: String?,
    canSend: Bool,
    notices: [String] = [],
    timeZone: TimeZone = .current,
    schema: Schema = Schema(),
    schemaNotice: String? = nil,
    preview: (@Sendable (Lead) -> String)? = nil,
    curlPreview: (@Sendable (Lead) -> String)? = nil,
    isSandbox: Bool = false,
    now: @escaping @Sendable () -> Date = { Date() },
    maxAttempts: Int = RetryPlan.defaultMaxAttempts,
    language: InterfaceLanguage = .english
  ) {
    self.endpoint = endpoint
    self.maskedKey = maskedKey
    self.canSend = canSend
    self.notices = notices
    self.timeZone = timeZone
    self.schema = schema
    self.schemaNotice = schemaNotice
    self.preview = preview
    self.curlPreview = curlPreview
    self.isSandbox = isSandbox
    self.now = now
    self.maxAttempts = maxAttempts
    self.language = language
  }
}
