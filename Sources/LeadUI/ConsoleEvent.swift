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
  /// A submitted lead is in the history log and about to be sent.
  case leadQueued(HistoryEntry)
  /// A lead's state changed; `outcome` is the attempt's result once it has ended.
  case leadUpdated(id: LeadID, state: LeadState, outcome: Outcome?)
  /// A submitted lead could not be written to the history log, so it was not sent either.
  case queueFailed(lead: Lead, message: String)
  /// A message for the status line.
  case notice(String)
  /// The runner performed a `copy` effect; the text says where the copy went.
  case copied(String)
  /// The runner could not perform a `copy` effect; the text says why.
  case copyFailed(String)
}

/// Work the runner does for the console; the console itself performs no I/O.
public enum Effect: Sendable, Equatable {
  /// Write this lead to the history log and send it; it already passed the schema's checks.
  case submit(Lead)
  /// Keep this text where the operator can paste it (a file and the terminal's clipboard).
  case copy(String)
  /// Leave the console.
  case quit
}
