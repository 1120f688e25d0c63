import LeadCore

/// Something the console reacts to: a key, a new window size, or news from the runner about
/// the history log, deliveries and copies.
public enum ConsoleEvent: Sendable {
  /// The operator pressed a key or pasted text.
  case key(Key)
  /// The terminal now has this size.
  case resized(rows: Int, columns: Int)
  /// The history log was read at start-up.
  case historyLoaded(HistorySnapshot)
  /// The whole history log has been indexed; `open` holds the entries of leads that still
  /// need someone (waiting, uncertain, rejected).
  case historyIndexed(HistoryIndexReport, open: [HistoryEntry])
  /// A submitted lead is in the history log and about to be sent.
  case leadQueued(HistoryEntry)
  /// A lead's state changed; `outcome` is the attempt's result once it has ended.
  case leadUpdated(id: LeadID, state: LeadState, outcome: Outcome?)
  /// A resend was refused before any request, because the log shows the lead as `state`
  /// (another process sent it, or it was closed, meanwhile); no attempt was made.
  case resendRefused(id: LeadID, state: LeadState, refusal: DeliveryRefusal)
  /// A submitted lead could not be written to the history log, so it was not sent either.
  case queueFailed(lead: Lead, message: String)
  /// A message for the status line.
  case notice(String)
  /// The runner performed a `copy` effect; the text says where the copy went.
  case copied(String)
  /// The runner could not perform a `copy` effect; the text says why.
  case copyFailed(String)
  /// The runner performed a `saveSettings` effect: leads now go out with the new key and
  /// endpoint.
  case settingsApplied(AppliedSettings)
  /// The runner could not save the settings (an unusable endpoint, a config file that cannot
  /// be written); nothing changed, and the text says why.
  case settingsRefused(String)
  /// The CRM's verdict on a key from a `checkKey` effect; `maskedKey` names the key checked.
  case keyChecked(maskedKey: String, verdict: KeyCheck)
  /// The runner could not check the key (an unusable endpoint); the text says why.
  case keyCheckRefused(String)
  /// A draft an earlier run kept (it stopped while a lead was being typed), to put back into
  /// the form if the form is still as a fresh one.
  case draftFound(Draft)
}

/// Work the runner does for the console; the console itself performs no I/O.
public enum Effect: Sendable, Equatable {
  /// Write this lead to the history log and send it; it already passed the schema's checks.
  case submit(Lead)
  /// Keep this text where the operator can paste it (a file and the terminal's clipboard).
  case copy(String)
  /// Write the key and the endpoint to the config file (only applied in memory in sandbox
  /// mode) and send with them from now on; answered by `settingsApplied` or `settingsRefused`.
  case saveSettings(key: APIKey, endpoint: String)
  /// Ask the CRM about this key at this endpoint with a request that can create no lead;
  /// answered by `keyChecked` or `keyCheckRefused`.
  case checkKey(key: APIKey, endpoint: String)
  /// Send this lead from the history again, as a new attempt, posting the same events as a
  /// new submission.
  case resend(LeadID)
  /// Record that the operator closed this lead by hand; answered by `leadUpdated` with `done`.
  case markDone(LeadID)
  /// Leave the console.
  case quit
}

/// New settings the console runs with after a save: what the header and the preview need,
/// never the key itself.
public struct AppliedSettings: Sendable {
  /// The endpoint leads now go to.
  public var endpoint: String
  /// The new key, masked.
  public var maskedKey: String
  /// Where the settings were written, as the screen shows it; nil when they were applied in
  /// memory only (sandbox mode).
  public var savedTo: String?
  /// A note for the operator after saving, e.g. that an environment variable still overrides
  /// the file at the next start.
  public var note: String?
  /// The request F2 would send for a lead with the new settings, the key masked.
  public var preview: (@Sendable (Lead) -> String)?
  /// The same as a `curl` command, the key masked.
  public var curlPreview: (@Sendable (Lead) -> String)?

  /// Creates the description of applied settings.
  public init(
    endpoint: String, maskedKey: String, savedTo: String?, note: String? = nil,
    preview: (@Sendable (Lead) -> String)? = nil,
    curlPreview: (@Sendable (Lead) -> String)? = nil
  ) {
    self.endpoint = endpoint
    self.maskedKey = maskedKey
    self.savedTo = savedTo
    self.note = note
    self.preview = preview
    self.curlPreview = curlPreview
  }
}
