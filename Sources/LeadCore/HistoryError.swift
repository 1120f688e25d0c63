/// Why a record could not be made durable in the history log.
public enum HistoryError: Error, Equatable, Sendable {
  /// The log's directory is missing and cannot be created.
  case cannotCreateDirectory(path: String, reason: String)
  /// The log file cannot be opened for appending.
  case cannotOpen(path: String, reason: String)
  /// Writing the record failed (disk full, I/O error).
  case cannotWrite(path: String, reason: String)
  /// The record was written but could not be flushed to disk.
  case cannotSync(path: String, reason: String)
  /// The record could not be turned into JSON.
  case cannotEncode(reason: String)
}

extension HistoryError: CustomStringConvertible {
  /// What failed and where, in words an operator can act on.
  public var description: String {
    switch self {
    case .cannotCreateDirectory(let path, let reason):
      "cannot create the history directory \(path): \(reason)"
    case .cannotOpen(let path, let reason):
      "cannot open the history file \(path): \(reason)"
    case .cannotWrite(let path, let reason):
      "cannot write to the history file \(path): \(reason)"
    case .cannotSync(let path, let reason):
      "cannot flush the history file \(path) to disk: \(reason)"
    case .cannotEncode(let reason):
      "cannot encode a history record: \(reason)"
    }
  }
}
