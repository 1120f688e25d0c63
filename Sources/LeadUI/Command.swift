/// What the operator means by a key, independent of which key it was.
///
/// The key bar and any help text come from these cases and the key map, so what the screen
/// says a key does is always what it does.
public enum Command: Sendable, Equatable, Hashable, CaseIterable {
  /// Check the lead and send it to the CRM.
  case send
  /// Leave the console.
  case quit
  /// Move the focus to the next field.
  case nextField
  /// Move the focus to the previous field.
  case previousField
  /// Move the cursor one character left.
  case cursorLeft
  /// Move the cursor one character right.
  case cursorRight
  /// Move the cursor to the start of the field.
  case cursorToStart
  /// Move the cursor to the end of the field.
  case cursorToEnd
  /// Delete the character before the cursor.
  case deleteBackward
  /// Delete the character under the cursor.
  case deleteForward

  /// The one-word name shown in the key bar.
  public var title: String {
    switch self {
    case .send: "Send"
    case .quit: "Quit"
    case .nextField: "Next"
    case .previousField: "Prev"
    case .cursorLeft: "Left"
    case .cursorRight: "Right"
    case .cursorToStart: "Start"
    case .cursorToEnd: "End"
    case .deleteBackward: "Erase"
    case .deleteForward: "Delete"
    }
  }

  /// A sentence saying what the command does, for help screens.
  public var help: String {
    switch self {
    case .send: "Check the lead and send it to the CRM; the form clears for the next call"
    case .quit: "Leave the console; leads already queued stay in the history"
    case .nextField: "Go to the next field"
    case .previousField: "Go to the previous field"
    case .cursorLeft: "Move the cursor one character left"
    case .cursorRight: "Move the cursor one character right"
    case .cursorToStart: "Move the cursor to the start of the field"
    case .cursorToEnd: "Move the cursor to the end of the field"
    case .deleteBackward: "Delete the character before the cursor"
    case .deleteForward: "Delete the character under the cursor"
    }
  }

  /// True for the commands the key bar lists; cursor keys and erasing need no reminder.
  public var isListedInKeyBar: Bool {
    switch self {
    case .send, .quit, .nextField, .previousField: true
    default: false
    }
  }
}
