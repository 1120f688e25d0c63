import Foundation
import LeadCore
import LeadUI

/// `lead-console history`: the history log as a table or as JSON lines.
enum HistoryCommand {
  static let help = """
    Usage: lead-console history [--json] [--log FILE]

    Lists every lead in the history log, newest first: time, state, phone or e-mail, name,
    and the last outcome's reason. --json prints one JSON object per lead.
    Damaged lines are skipped and reported on standard error with their line numbers.

    Exit status: 0 listed (even with damaged lines skipped, or no log yet), 1 the log cannot
    be read, 2 usage error.
    """

  static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var reader = try ArgumentReader(arguments, valued: ["--log"])
    if try reader.flag("--help") {
      print(help)
      return 0
    }
    let json = try reader.flag("--json")
    let logFlag = try reader.value("--log")
    try reader.checkAllUsed()
    if let stray = reader.arguments.first {
      throw UsageError(description: "unexpected argument '\(stray)'")
    }

    let url =
      logFlag.map { URL(fileURLWithPath: $0) }
      ?? Configuration.defaultHistoryFile(environment: environment)
    guard FileManager.default.fileExists(atPath: url.path) else {
      printError("lead-console: no history yet at \(url.path)")
      return 0
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
