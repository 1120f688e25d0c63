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

/// Everything the console shows, as a value: the form, the history, the status line.
///
/// `handle(_:)` is the only way it changes; it answers with the effects the runner must
/// perform (send a lead, quit). Nothing in here touches the terminal, the network or a file,
/// so every behaviour can be tested by feeding events and reading the state or its rendering.
public struct ConsoleState: Sendable {
  /// How many history entries are kept in memory; older ones stay in the log file only.
  public static let historyLimit = 500

  /// The setting the console runs in.
  public let context: ConsoleContext
  /// The field that takes typed text.
  public internal(set) var focus: BaseField = .firstName
  /// The text of each field.
  var fields: [BaseField: TextField] = [:]
  /// The problem found in each field at the last send, until the field is edited.
  public internal(set) var problems: [BaseField: String] = [:]
  /// The status line.
  public internal(set) var status: StatusMessage
  /// Recent submissions, newest first.
  public internal(set) var history: [HistoryEntry] = []
  /// Line numbers of history log lines that could not be read.
  public internal(set) var damagedHistoryLines: [Int] = []
  /// The terminal's size, once the runner has reported it.
  public internal(set) var screenSize: (rows: Int, columns: Int)?
  /// Leads that could not be written to the history log while the form held other typing;
  /// each returns to the form when the lead being typed is sent, so none is lost.
  public internal(set) var unsavedLeads: [Lead] = []
  /// True after a quit key was pressed over a form holding text: the next quit key leaves.
  public internal(set) var isQuitPending = false

  /// A fresh console: an empty form, focus on First name, the start-up notices on the status
  /// line.
  public init(context: ConsoleContext) {
    self.context = context
    if !context.notices.isEmpty {
      status = StatusMessage(context.notices.joined(separator: " · "), role: .warning)
    } else if !context.canSend {
      status = StatusMessage(ConsoleState.noKeyMessage, role: .warning)
    } else {
      status = StatusMessage("Ready: type the lead, F2 sends it")
    }
  }

  /// Applies one event and returns what the runner must do about it.
  public mutating func handle(_ event: ConsoleEvent) -> [Effect] {
    switch event {
    case .key(let key):
      return handleKey(key)
    case .resized(let rows, let columns):
      screenSize = (max(0, rows), max(0, columns))
      scrollFieldsIntoView()
    case .historyLoaded(let snapshot):
      loadHistory(snapshot)
    case .leadQueued(let entry):
      recordQueued(entry)
    case .leadUpdated(let id, let state, let outcome):
      recordUpdate(id: id, state: state, outcome: outcome)
    case .queueFailed(let lead, let message):
      takeBackUnsaved(lead, message: message)
    case .notice(let text):
      status = StatusMessage(text, role: .warning)
    }
    return []
  }

  /// The text in a field, as typed.
  public func value(of field: BaseField) -> String {
    fields[field]?.value ?? ""
  }

  /// A field's text, cursor and scroll position.
  public func textField(_ field: BaseField) -> TextField {
    fields[field] ?? TextField()
  }

  /// The status line's text.
  public var statusLine: String { status.text }

  /// The history pane's rows, newest first.
  public var historyRows: [HistoryRow] {
    history.map { HistoryRow($0, timeZone: context.timeZone) }
  }

  /// The lead the form holds now, untrimmed.
  public var formLead: Lead {
    var lead = Lead()
    for field in FormLayout.fieldOrder {
      lead[field] = value(of: field)
    }
    return lead
  }

  /// True when every field is empty.
  var isFormEmpty: Bool {
    FormLayout.fieldOrder.allSatisfy { value(of: $0).isEmpty }
  }

  /// What sending says when there is no API key: where to put one.
  static let noKeyMessage =
    "No API key: set GENTLEMAN_API_KEY or \"key\" in config.json (see --help)"

  /// Keeps each field's cursor inside its box at the current screen size.
  mutating func scrollFieldsIntoView() {
    guard let size = screenSize else { return }
    let layout = FormLayout(rows: size.rows, columns: size.columns)
    for field in FormLayout.fieldOrder {
      guard let width = layout.slot(of: field)?.input.width, width > 0 else { continue }
      fields[field, default: TextField()].scroll(toFit: width)
    }
  }
}
