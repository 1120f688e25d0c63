import Foundation
import LeadCore
import LeadUI

/// `lead-console send`: one lead from the command line, for scripts.
enum SendCommand {
  static let help = """
    Usage: lead-console send [--first-name A] [--last-name B] [--phone P] [--email E]
                             [--comment C] [--field CODE=VALUE]... [--get] [--dry-run] [--json]
                             [--schema FILE] [--allow-unknown] [--allow-duplicate]
                             [--key KEY] [--endpoint URL] [--log FILE] [--ca-file FILE]
                             [--connect-timeout S] [--timeout S]

    Checks the lead, writes it to the history log, sends it once and reports the outcome.
    A phone or an e-mail is required. --field adds an extra CRM field by its code. With a
    schema file (--schema, or the default one when it exists) each code must be in it
    (--allow-unknown lets others through) and its type's rules apply: numbers are sent as
    1500.50, dates in the field's format, booleans as 1 or 0, selects as the option's value;
    schema fields go first in schema order, with their defaults, then the other codes.
    A lead whose phone (digits only, a leading 8 of an 11-digit number read as 7) or e-mail
    (in any case) matches a lead queued in the last 24 hours is refused, naming that lead,
    since the CRM would open a second deal; --allow-duplicate sends it anyway.
    --dry-run prints the request (method, URL, body; the key masked) and sends nothing.
    --json prints the outcome as one JSON object. --get sends with GET, which puts the key in
    the URL (a warning says so each time). --ca-file trusts a PEM file of CA certificates for
    an https:// endpoint, besides the system's.

    Exit status:
      0  accepted by the CRM
      1  rejected by the CRM (codes and messages printed)
      2  usage, validation or configuration error, or a duplicate of a lead from the last
         24 hours without --allow-duplicate (nothing sent)
      3  not delivered: the CRM certainly did not get it; the lead is kept in the history log
         and `lead-console retry` sends it again
      4  uncertain: the request went out but the answer does not tell; check the CRM
    """

  static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var reader = try ArgumentReader(
      arguments,
      valued: ClientOptions.valued.union([
        "--first-name", "--last-name", "--phone", "--email", "--comment", "--field", "--schema",
      ])
    )
    if try reader.flag("--help") {
      print(help)
      return 0
    }
    let lead = Lead(
      firstName: try reader.value("--first-name") ?? "",
      lastName: try reader.value("--last-name") ?? "",
      phone: try reader.value("--phone") ?? "",
      email: try reader.value("--email") ?? "",
      comment: try reader.value("--comment") ?? ""
    )
    let fieldArguments = try reader.values("--field").map(parseField)
    let allowUnknown = try reader.flag("--allow-unknown")
    var schemaOption: SchemaOption
    do {
      schemaOption = try SchemaOption(reading: &reader, environment: environment)
    } catch let error as SchemaLoadError {
      // Without extra fields the schema has nothing to check, and a broken schema must not
      // stop every scripted lead; with them, their codes and types cannot be checked.
      guard fieldArguments.isEmpty else {
        printError("lead-console: the schema cannot be used to check --field; nothing was sent:")
        _ = SchemaCommand.report(error)
        return 2
      }
      printError(
        "lead-console: warning: schema not used, base fields only: "
          + TerminalText.singleLine(error.summary))
      schemaOption = SchemaOption(schema: nil)
    }
    let dryRun = try reader.flag("--dry-run")
    let json = try reader.flag("--json")
    let allowDuplicate = try reader.flag("--allow-duplicate")
    let options = try ClientOptions(reading: &reader, environment: environment)
    try reader.checkAllUsed()
    if let stray = reader.arguments.first {
      throw UsageError(description: "unexpected argument '\(stray)'")
    }

    // With no schema file, codes are checked only for their form.
    let schema = schemaOption.schema ?? Schema()
    let checked: Lead
    do {
      checked = try schema.lead(
        lead, input: schema.input(fromFieldArguments: fieldArguments),
        allowUnknownCodes: allowUnknown || schemaOption.schema == nil)
    } catch {
      for problem in error.problems {
        printError(TerminalText.singleLine("lead-console: \(problem.field): \(problem.message)"))
      }
      printError("Nothing was sent.")
      return 2
    }
    for warning in options.warnings { printError(warning) }
    guard let client = options.client() else {
      printError("lead-console: no API key; nothing was sent.")
      printError(options.configuration.missingKeyHelp)
      return 2
    }
    if dryRun {
      print(client.dryRun(for: checked))
      return 0
    }

    let log = HistoryLog(url: options.logFile)
    if !allowDuplicate, refusesDuplicate(of: checked, in: log) {
      return 2
    }
    let dispatcher = LeadDispatcher(
      log: log, client: client, operatorName: options.configuration.operatorName)
    let entry: HistoryEntry
    do {
      entry = try dispatcher.enqueue(checked)
    } catch {
      printError("lead-console: could not write the history log: \(error). Nothing was sent.")
      return 2
    }
    let outcome = runBlocking { await dispatcher.deliver(entry) }
    report(outcome, id: entry.id, json: json)
    return exitStatus(for: outcome.kind)
  }

  /// Names the recent lead that reaches the same client and answers true, or answers false
  /// when there is none; a log that cannot be read is named but does not stop the lead.
  static func refusesDuplicate(of lead: Lead, in log: HistoryLog, now: Date = Date()) -> Bool {
    let snapshot = log.load()
    if let problem = snapshot.readProblem {
      printError("lead-console: warning: duplicates not checked: \(problem)")
    }
    guard let earlier = DuplicateCheck.match(for: lead, in: snapshot.entries, now: now),
      let shared = DuplicateCheck.sharedContact(of: lead, and: earlier.lead)
    else { return false }

    let time = ISO8601DateFormatter.string(
      from: earlier.queuedAt, timeZone: .current,
      formatOptions: [
        .withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate,
        .withSpaceBetweenDateAndTime,
      ])
    let word = shared == .phone ? "phone" : "e-mail"
    let name = LeadText.name(of: earlier.lead)
    let line = [earlier.id.description, time, earlier.state.rawValue, earlier.lead[shared], name]
      .filter { !$0.isEmpty }.joined(separator: "  ")
    printError(
      "lead-console: a lead with the same \(word) was queued in the last 24 hours; "
        + "nothing was sent:")
    printError("  \(TerminalText.neutralised(line))")
    printError("Send it anyway with --allow-duplicate.")
    return true
  }

  /// Reads `CODE=VALUE`; the code's form is checked with the rest of the lead.
  static func parseField(_ text: String) throws(UsageError) -> ExtraField {
    guard let equals = text.firstIndex(of: "=") else {
      throw UsageError(description: "--field takes CODE=VALUE, not '\(text)'")
    }
    return ExtraField(
      code: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
  }

  static func exitStatus(for kind: OutcomeKind) -> Int32 {
    switch kind {
    case .accepted: 0
    case .rejected: 1
    case .notDelivered: 3
    case .uncertain: 4
    }
  }

  static func report(_ outcome: Outcome, id: LeadID, json: Bool) {
    if json {
      print(OutcomeReport(id: id, outcome: outcome).jsonLine())
      return
    }
    let reason = TerminalText.neutralised(outcome.reason)
    switch outcome.kind {
    case .accepted:
      print("lead \(id): accepted")
    case .rejected:
      print("lead \(id): rejected by the CRM")
      for error in outcome.errors { print("  \(error.code) \(error.message)") }
    case .notDelivered:
      print(
        "lead \(id): not delivered (\(reason)); the CRM did not get it:"
          + " lead-console retry sends it again")
    case .uncertain:
      print("lead \(id): uncertain (\(reason)); check the CRM before sending it again")
    }
  }
}
