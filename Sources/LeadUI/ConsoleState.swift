import Foundation
import LeadCore

/// A line of text for the status row, with the role it is drawn in.
public struct StatusMessage: Sendable, Equatable {
  /// The text, already safe to draw on one row.
  public var text: String
  /// How it is drawn: `ok`, `error`, `warning`, or `normal` for plain information.
  public var role: StyleRole

  /// Creates a message; the text is made one line with control characters neutralised.
  public init(_ text: String, role: StyleRole = .normal) {
    self.text = TerminalText.singleLine(text)
    self.role = role
  }
}

/// Everything the console shows, as a value: the form, the field-code browser, the request
/// preview, the history, the status line.
///
/// `handle(_:)` is the only way it changes; it answers with the effects the runner must
/// perform (send a lead, copy a request, quit). Nothing in here touches the terminal, the
/// network or a file, so every behaviour can be tested by feeding events and reading the state
/// or its rendering.
public struct ConsoleState: Sendable {
  /// How many of the newest leads are read in full at start-up, before the whole log is
  /// indexed; the rest stay in the file, listed through `historyIndex`.
  public static let historyLimit = 500
  /// How many leads that still need someone (waiting, uncertain, rejected) are held in full.
  public static let openLeadLimit = 2000

  /// The setting the console runs in; saving the settings screen changes its key and endpoint.
  public internal(set) var context: ConsoleContext
  /// The form's fields and rows: the base fields, then the schema's; a multi-line field's
  /// rows follow its text.
  public internal(set) var outline: FormOutline
  /// The place in `outline.fields` of the field that takes typed text.
  public internal(set) var focusIndex = 0
  /// The text of each field that holds text, by code (yes/no fields are in `switches`).
  var texts: [String: TextField] = [:]
  /// Whether each yes/no field is on, by code.
  var switches: [String: Bool] = [:]
  /// The problem found in each field at the last send, by code, until the field is edited.
  public internal(set) var problems: [String: String] = [:]
  /// The first row of the form shown in its window.
  public internal(set) var formScroll = 0
  /// The open list of a select field, or nil.
  public internal(set) var pickList: PickList?
  /// The field-code browser when it is open, or nil.
  public internal(set) var browser: FieldBrowser?
  /// The settings screen when it is open, or nil.
  public internal(set) var settings: SettingsForm?
  /// The history pane while it has the focus (its list or a lead's details), or nil.
  public internal(set) var historyBrowser: HistoryBrowser?
  /// True while the request preview takes the history's place.
  public internal(set) var isPreviewShown = false
  /// The status line.
  public internal(set) var status: StatusMessage
  /// The leads the console holds in full, newest first: the newest page of the log, every
  /// lead that still needs someone, and those queued or opened this session. The rest of the
  /// log is in `historyIndex`, read back a page at a time.
  public internal(set) var history: [HistoryEntry] = []
  /// Every lead of the log, for the history pane's list and filter.
  public internal(set) var historyIndex = HistoryIndex.inMemory([])
  /// Line numbers of history log lines that could not be read.
  public internal(set) var damagedHistoryLines: [Int] = []
  /// Why the history log could not be read at all, as last reported.
  public internal(set) var historyReadProblem: String?
  /// The terminal's size, once the runner has reported it.
  public internal(set) var screenSize: (rows: Int, columns: Int)?
  /// Leads that could not be written to the history log while the form held other typing;
  /// each returns to the form when the lead being typed is sent, so none is lost.
  public internal(set) var unsavedLeads: [Lead] = []
  /// True after a quit key was pressed over a form holding text: the next quit key leaves.
  public internal(set) var isQuitPending = false
  /// The checked lead F2 held back as a likely duplicate: F2 again sends it, any other key
  /// (or news that replaces the warning) drops it.
  public internal(set) var pendingDuplicate: Lead?
  /// Leads refused for the key when new settings were applied: F2 resends them all, any
  /// other key (or news that replaces the question) leaves them.
  public internal(set) var pendingKeyResend: [LeadID] = []
  /// The text cut last in any field, for Ctrl-Y.
  public internal(set) var killBuffer = KillBuffer()
  /// The codes of the fields the operator pinned: their values stay for the next call.
  public internal(set) var stickyCodes: Set<String> = []
  /// True after the new-call key was pressed over typing: pressing it again clears the form.
  public internal(set) var isResetPending = false
  /// True after the to-form key was pressed in the history over typing: pressing it again
  /// replaces the typed lead with the shown one.
  public internal(set) var isCopyPending = false
  /// The help screen while it is shown, or nil.
  public internal(set) var help: HelpScreen?

  /// A fresh console: the form with its defaults, focus on First name, the start-up notices
  /// (a schema that could not be used first, as the context words it) on the status line.
  public init(context: ConsoleContext) {
    self.context = context
    outline = FormOutline(
      schema: context.schema, notice: context.schemaNotice, language: context.language)
    // Without a key, how to get one comes first, in the interface's language and short
    // enough for one status line.
    let noKey = context.canSend ? [] : [context.language.text(.statusNoKey)]
    let notices = noKey + (context.schemaNotice.map { [$0] } ?? []) + context.notices
    if !notices.isEmpty {
      status = StatusMessage(notices.joined(separator: " · "), role: .warning)
    } else {
      status = StatusMessage(context.language.text(.statusReady))
    }
    resetValues()
  }

  /// Applies one event and returns what the runner must do about it.
  public mutating func handle(_ event: ConsoleEvent) -> [Effect] {
    if case .key(let key) = event {
      return handleKey(key)
    }
    // Keys cancel a duplicate warning themselves; other news cancels it by replacing it. The
    // same goes for the quit question: once news hides it, the quit key asks again rather than
    // leaving on a question the operator can no longer see.
    let shown = status
    let askingKeyResend = !pendingKeyResend.isEmpty
    let askingQuit = isQuitPending
    defer {
      dropDuplicateUnlessStill(shown)
      if askingKeyResend, status != shown { pendingKeyResend = [] }
      if askingQuit, status != shown { isQuitPending = false }
    }
    switch event {
    case .key:
      break
    case .resized(let rows, let columns):
      screenSize = (max(0, rows), max(0, columns))
      scrollFieldsIntoView()
    case .historyLoaded(let snapshot):
      loadHistory(snapshot)
    case .historyIndexed(let report, let open):
      takeIndex(report, open: open)
    case .leadQueued(let entry):
      recordQueued(entry)
    case .leadUpdated(let id, let state, let outcome):
      recordUpdate(id: id, state: state, outcome: outcome)
    case .resendRefused(let id, let state, let refusal):
      recordRefusal(id: id, state: state, refusal: refusal)
    case .queueFailed(let lead, let message):
      takeBackUnsaved(lead, message: message)
    case .notice(let text):
      status = StatusMessage(text, role: .warning)
    case .copied(let text):
      status = StatusMessage(text, role: .ok)
    case .copyFailed(let text):
      status = StatusMessage(self.text(.copyFailed, text), role: .error)
    case .settingsApplied(let applied):
      apply(applied)
    case .settingsRefused(let reason):
      refuseSettings(reason)
    case .keyChecked(let maskedKey, let verdict):
      showVerdict(verdict, maskedKey: maskedKey)
    case .keyCheckRefused(let reason):
      refuseKeyCheck(reason)
    case .draftFound(let draft):
      restoreDraft(draft)
    }
    return []
  }

  /// The field that takes typed text.
  public var focusedField: SchemaField { outline.fields[focusIndex] }

  /// The base field that has the focus, or nil when a schema field has it.
  public var focus: BaseField? { focusedField.baseField }

  /// The text in a base field, as typed.
  public func value(of field: BaseField) -> String {
    texts[field.code]?.value ?? ""
  }

  /// The text of any field by its code, as typed; `1` or `0` for a yes/no field.
  public func value(ofCode code: String) -> String {
    if let on = switches[code] { return on ? "1" : "0" }
    return texts[code]?.value ?? ""
  }

  /// Whether a yes/no field is on; nil when there is no yes/no field with this code.
  public func isSwitchOn(_ code: String) -> Bool? {
    switches[code]
  }

  /// A base field's text, cursor and scroll position.
  public func textField(_ field: BaseField) -> TextField {
    texts[field.code] ?? TextField()
  }

  /// Any field's text, cursor and scroll position, by code.
  public func textField(code: String) -> TextField {
    texts[code] ?? TextField()
  }

  /// The status line's text.
  public var statusLine: String { status.text }

  /// The history pane's rows, newest first.
  public var historyRows: [HistoryRow] {
    history.map { HistoryRow($0, timeZone: context.timeZone, language: language) }
  }

  /// The base fields of the lead the form holds now, untrimmed, without extra fields.
  public var formLead: Lead {
    var lead = Lead()
    for field in FormLayout.fieldOrder {
      lead[field] = value(of: field)
    }
    return lead
  }

  /// What the schema's fields hold now, as typed: every field's text, yes/no fields as `1`
  /// or `0`, cleared fields as empty text (so their defaults are not sent).
  public var schemaInput: SchemaInput {
    var values: [String: String] = [:]
    for field in context.schema.fields {
      values[field.code] = value(ofCode: field.code)
    }
    return SchemaInput(values: values)
  }

  /// The lead F2 would send now: base fields checked and trimmed, the schema's fields checked
  /// and normalised, in schema order; throws every problem at once.
  public func checkedLead() throws(LeadValidationError) -> Lead {
    try context.schema.lead(formLead, input: schemaInput, allowUnknownCodes: false)
  }

  /// What sending says when there is no API key: where to put one.
  var noKeyMessage: String { text(.statusNoKey) }
}
