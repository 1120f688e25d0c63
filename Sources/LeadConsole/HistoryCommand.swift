import Foundation
import LeadCore
import LeadUI

/// `lead-console history`: the history log as a table or as JSON lines.
enum HistoryCommand {
  static let help = """
    Usage: lead-console history [--json | --ids] [--filter TEXT] [--log FILE]

    Lists every lead in the history log, newest first: time, state, phone or e-mail, name,
    and the last outcome's reason. --json prints one JSON object per lead, --ids only each
    lead's id. --filter lists the leads the history pane's filter would: TEXT in the name
    (either order), the e-mail or the phone, lower and upper case alike, е and ё alike, a
    phone by its digits however it was written (8 912… finds +7 912…).
    Damaged lines are skipped and reported on standard error with their line numbers.

    Exit status: 0 listed (even with damaged lines skipped, or no log yet), 1 the log cannot
    be read, 2 usage error.
    """

  static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var reader = try ArgumentReader(arguments, valued: ["--log", "--filter"])
    if try reader.flag("--help") {
      print(help)
      return 0
    }
    let json = try reader.flag("--json")
    let idsOnly = try reader.flag("--ids")
    let filter = try reader.value("--filter")
    let logFlag = try reader.value("--log")
    try reader.checkAllUsed()
    if let stray = reader.arguments.first {
      throw UsageError(description: "unexpected argument '\(stray)'")
    }
    if json, idsOnly {
      throw UsageError(description: "--json and --ids cannot be used together")
    }

    let url =
      logFlag.map { URL(fileURLWithPath: $0) }
      ?? Configuration.defaultHistoryFile(environment: environment)
    guard FileManager.default.fileExists(atPath: url.path) else {
      printError("lead-console: no history yet at \(url.path)")
      return 0
    }
    if idsOnly || filter != nil {
      return list(url: url, filter: filter ?? "", format: idsOnly ? .ids : json ? .json : .text)
    }
    let snapshot = HistoryLog(url: url).load()
    if let problem = snapshot.readProblem {
      printError("lead-console: cannot read the history log \(url.path): \(problem)")
      return 1
    }
    for entry in snapshot.entries {
      print(json ? HistoryLine(entry).jsonLine() : HistoryLine(entry).text)
    }
    if !snapshot.damagedLines.isEmpty {
      let lines = snapshot.damagedLines.map(String.init).joined(separator: ", ")
      printError(
        "lead-console: skipped \(snapshot.damagedLines.count) damaged line(s) in "
          + "\(url.path): \(lines)")
    }
    return 0
  }

  enum Format {
    case text, json, ids
  }

  /// Lists the leads matching `filter` through the history index: the log is read once and
  /// only the listed leads' records are decoded.
  private static func list(url: URL, filter: String, format: Format) -> Int32 {
    let report = HistoryIndex.build(url: url)
    if let problem = report.readProblem {
      printError("lead-console: cannot read the history log \(url.path): \(problem)")
      return 1
    }
    let index = report.index
    var output = ""
    for position in index.matches(query: filter, states: Set(LeadState.allCases)) {
      let position = Int(position)
      switch format {
      case .ids:
        output += TerminalText.neutralised(index.id(at: position).rawValue)
      case .json, .text:
        guard let entry = index.entry(at: position) else { continue }
        output += format == .json ? HistoryLine(entry).jsonLine() : HistoryLine(entry).text
      }
      output += "\n"
      if output.utf8.count > 1 << 16 {
        FileHandle.standardOutput.write(Data(output.utf8))
        output = ""
      }
    }
    FileHandle.standardOutput.write(Data(output.utf8))
    if !report.damagedLines.isEmpty {
      let lines = report.damagedLines.map(String.init).joined(separator: ", ")
      printError(
        "lead-console: skipped \(report.damagedLines.count) damaged line(s) in "
          + "\(url.path): \(lines)")
    }
    return 0
  }
}

/// One lead of the history as the CLI prints it.
struct HistoryLine: JSONLineOutput {
  var id: String
  var queuedAt: Date
  var state: String
  var method: String
  var endpoint: String
  var fields: [String: String]
  var extraFields: [ExtraField]
  var lastOutcome: OutcomeJSON?

  init(_ entry: HistoryEntry) {
    id = entry.id.description
    queuedAt = entry.queuedAt
    state = entry.state.rawValue
    method = entry.method.rawValue
    endpoint = entry.endpoint
    var fields: [String: String] = [:]
    for field in BaseField.allCases where !entry.lead[field].isEmpty {
      fields[field.code] = entry.lead[field]
    }
    self.fields = fields
    extraFields = entry.lead.extraFields
    lastOutcome = entry.lastOutcome.map(OutcomeJSON.init)
  }

  enum CodingKeys: String, CodingKey {
    case id, state, method, endpoint, fields
    case queuedAt = "queued_at"
    case extraFields = "extra_fields"
    case lastOutcome = "last_outcome"
  }

  /// A fixed-width line: time, state, contact, name, reason; control characters neutralised.
  var text: String {
    let time = ISO8601DateFormatter.string(
      from: queuedAt, timeZone: .current,
      formatOptions: [
        .withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate,
        .withSpaceBetweenDateAndTime,
      ])
    let contact = fields["phone"] ?? fields["email"] ?? ""
    let name = [fields["first_name"], fields["last_name"]].compactMap { $0 }.joined(separator: " ")
    var line = "\(id)  \(time)  \(state.padding(toLength: 13, withPad: " ", startingAt: 0))  "
    line += "\(contact)  \(name)"
    if let outcome = lastOutcome, outcome.kind != OutcomeKind.accepted.rawValue {
      line += "  (\(outcome.reason))"
    }
    return TerminalText.neutralised(line)
  }

}
