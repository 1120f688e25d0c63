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

  /// The short name shown in the key bar.
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
    case .wordLeft: "Word left"
    case .wordRight: "Word right"
    case .cutToEnd: "Cut to end"
    case .cutToStart: "Cut to start"
    case .cutWordBackward: "Cut word"
    case .pasteCut: "Paste cut"
    case .undo: "Undo"
    case .insertLineBreak: "New line"
    case .previousLine: "Line up"
    case .nextLine: "Line down"
    case .resetForm: "New call"
    case .toggleSticky: "Pin"
    case .showHelp: "Help"
    case .openFieldBrowser: "Fields"
    case .togglePreview: "Preview"
    case .copyCurl: "Copy curl"
    case .toggleSwitch: "Toggle"
    case .openPickList: "Choose"
    case .pickOption: "Pick"
    case .goToField: "Go to"
    case .close: "Back"
    case .selectPrevious: "Up"
    case .selectNext: "Down"
    case .pageUp: "Page up"
    case .pageDown: "Page down"
    case .selectFirst: "First"
    case .selectLast: "Last"
    case .openSettings: "Settings"
    case .saveSettings: "Save"
    case .checkKey: "Check key"
    case .openHistory: "History"
    case .cycleStateFilter: "State"
    case .openDetail: "Details"
    case .resend: "Resend"
    case .copyToForm: "To form"
    case .markDone: "Mark done"
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
    case .deleteBackward:
      "Delete the character before the cursor; in a select field, clear the choice"
    case .deleteForward:
      "Delete the character under the cursor; in a select field, clear the choice"
    case .wordLeft: "Move the cursor to the start of the word before it"
    case .wordRight: "Move the cursor to the end of the word after it"
    case .cutToEnd: "Cut from the cursor to the end of the line (at its end: the line break)"
    case .cutToStart: "Cut from the start of the line to the cursor"
    case .cutWordBackward: "Cut the word before the cursor; cuts in a row gather into one"
    case .pasteCut: "Paste the text cut last, from this field or another"
    case .undo: "Take back the field's last edit; a run of typing or erasing is one step"
    case .insertLineBreak: "Start a new line in the comment (Enter goes to the next field)"
    case .previousLine: "Go one line up in the comment; from its first line, to the field above"
    case .nextLine: "Go one line down in the comment; from its last line, to the next field"
    case .resetForm:
      "Clear the form for the next call, keeping the pinned fields; over typing, press it twice"
    case .toggleSticky: "Pin the field (•): its value stays for the next call; again to unpin"
    case .showHelp: "Show every key and what it does; Esc returns"
    case .openFieldBrowser: "List every field code; type to filter, Enter goes to the field"
    case .togglePreview: "Show or hide the exact request F2 would send now, the key masked"
    case .copyCurl: "Copy the previewed request as a curl command (a file and the clipboard)"
    case .toggleSwitch: "Switch the yes/no field on or off"
    case .openPickList: "Open the field's list of options; typing also opens it"
    case .pickOption: "Take the selected option and close the list"
    case .goToField: "Close the browser and put the focus on the selected field"
    case .close:
      "Close the list, the browser, the settings or the help without choosing or saving"
    case .selectPrevious: "Select the entry above"
    case .selectNext: "Select the entry below"
    case .pageUp: "Go one page up"
    case .pageDown: "Go one page down"
    case .selectFirst: "Select the first entry"
    case .selectLast: "Select the last entry"
    case .openSettings: "Paste the API key and set the endpoint; F2 there saves, F5 checks the key"
    case .saveSettings: "Save the key and endpoint to the config file (mode 0600) and use them now"
    case .checkKey: "Ask the CRM whether the typed key works; no lead is created"
    case .openHistory: "Browse every lead, newest first; type to filter by name, phone or e-mail"
    case .cycleStateFilter:
      "Show all leads, then waiting, uncertain, rejected, accepted or done ones only"
    case .openDetail: "Show every field and every attempt of the selected lead"
    case .resend: "Send the lead again now, after checking the CRM does not have it"
    case .copyToForm: "Put the lead's values back into the form, to fix and send again"
    case .markDone: "Close the lead by hand: it is never sent again"
    }
  }

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
