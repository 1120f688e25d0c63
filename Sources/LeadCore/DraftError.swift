/// Why a draft could not be read, kept or removed. The lead in the form is not affected; the
/// message says which file and what went wrong.
public enum DraftError: Error, Equatable, CustomStringConvertible {
  /// The draft file exists but cannot be read or is not a draft (damaged, cut, too large).
  case unreadable(path: String, reason: String)
  /// The draft could not be written (folder missing and not creatable, disk full, no rights).
  case notSaved(path: String, reason: String)
  /// The draft of a lead that was sent or cleared could not be deleted.
  case notRemoved(path: String, reason: String)

  /// What happened, with the file's path, in words an operator can act on.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "the draft \(path) cannot be read (\(reason))"
    case .notSaved(let path, let reason):
      "the draft could not be saved to \(path) (\(reason))"
    case .notRemoved(let path, let reason):
      "the draft \(path) could not be deleted (\(reason)); delete it by hand"
    }
  }
}
