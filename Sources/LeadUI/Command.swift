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
  /// Move the cursor to the start of the word before it.
  case wordLeft
  /// Move the cursor to the end of the word after it.
  case wordRight
  /// Cut from the cursor to the end of the line.
  case cutToEnd
  /// Cut from the start of the line to the cursor.
  case cutToStart
  /// Cut the word before the cursor.
  case cutWordBackward
  /// Paste the text cut last, in whichever field it was cut.
  case pasteCut
  /// Take back the field's last edit.
  case undo
  /// Start a new line in a multi-line field.
  case insertLineBreak
  /// Move the cursor one row up in a multi-line field, or to the previous field from its
  /// first row.
  case previousLine
  /// Move the cursor one row down in a multi-line field, or to the next field from its last
  /// row.
  case nextLine
  /// Clear the form for the next call, keeping the sticky fields.
  case resetForm
  /// Mark the focused field sticky (kept for the next call), or unmark it.
  case toggleSticky
  /// Show every key and what it does.
  case showHelp
  /// Open the field-code browser.
  case openFieldBrowser
  /// Show or hide the request preview.
  case togglePreview
  /// Copy the previewed request as a `curl` command.
  case copyCurl
  /// Switch a yes/no field on or off.
  case toggleSwitch
  /// Open the pick list of a select field.
  case openPickList
  /// Take the option selected in the pick list.
  case pickOption
  /// Go to the field selected in the browser.
  case goToField
  /// Close the pick list or the browser without choosing.
  case close
  /// Select the entry above.
  case selectPrevious
  /// Select the entry below.
  case selectNext
  /// Go one page up: in the form a screenful of fields, in a list a page of entries.
  case pageUp
  /// Go one page down: in the form a screenful of fields, in a list a page of entries.
  case pageDown
  /// Select the first entry of a list.
  case selectFirst
  /// Select the last entry of a list.
  case selectLast
  /// Open the settings screen (API key and endpoint).
  case openSettings
  /// Save the settings screen's key and endpoint and start using them.
  case saveSettings
  /// Ask the CRM whether the key typed in the settings screen works, creating no lead.
  case checkKey
  /// Put the focus on the history pane.
  case openHistory
  /// Show the next state in the history's state filter.
  case cycleStateFilter
  /// Open the detail view of the selected history entry.
  case openDetail
  /// Send the lead shown in the detail view again.
  case resend
  /// Put the lead shown in the detail view back into the form.
  case copyToForm
  /// Close the lead shown in the detail view by hand.
  case markDone

  /// The short name shown in the key bar, in English.
  public var title: String { title(in: .english) }

  /// A sentence saying what the command does, for help screens, in English.
  public var help: String { help(in: .english) }

  /// Where the key bar lists the command: tier 0 first (sending, quitting and the focused
  /// screen's own keys), then 1 (help, which lists everything else), then 2 (the other
  /// screens and the next call), then 3 (moving between fields, pinning), so a narrow bar
  /// drops those first and never the keys that make the focused field work.
  public var keyBarTier: Int {
    switch self {
    case .showHelp: 1
    case .resetForm, .openHistory, .openFieldBrowser, .togglePreview, .openSettings: 2
    case .nextField, .previousField, .toggleSticky: 3
    default: 0
    }
  }

  /// True for the commands the key bar lists; cursor keys, erasing and moving in a list need
  /// no reminder.
  public var isListedInKeyBar: Bool {
    switch self {
    case .send, .quit, .nextField, .previousField, .openFieldBrowser, .togglePreview,
      .copyCurl, .toggleSwitch, .openPickList, .pickOption, .goToField, .close, .openSettings,
      .saveSettings, .checkKey, .openHistory, .cycleStateFilter, .openDetail, .resend,
      .copyToForm, .markDone, .insertLineBreak, .resetForm, .toggleSticky, .showHelp:
      true
    default:
      false
    }
  }
}
