import Foundation
import LeadCore
import LeadUI

/// `lead-console check-key`: asks the CRM whether the key works, creating no lead.
enum CheckKeyCommand {
  static let help = """
    Usage: lead-console check-key [--key KEY] [--endpoint URL] [--get] [--ca-file FILE]
                                  [--connect-timeout S] [--timeout S]

    Sends a request carrying only the key, so no lead can be created. The CRM answers 100 for
    an empty key, 101 for a wrong one, and only 102 (neither phone nor e-mail) for a valid one.

    Exit status:
      0  the key is valid
      1  the CRM says the key is wrong (101) or empty (100)
      2  usage or configuration error, or no key at all: an empty or blank key is refused
         here, before anything is sent
      3  not delivered (the CRM was not reached)
      4  no verdict: the answer was none of the above (printed as it came)
    """

  static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var reader = try ArgumentReader(arguments, valued: ClientOptions.valued)
    if try reader.flag("--help") {
      print(help)
      return 0
    }
    let options = try ClientOptions(reading: &reader, environment: environment)
    try reader.checkAllUsed()
    if let stray = reader.arguments.first {
      throw UsageError(description: "unexpected argument '\(stray)'")
    }
    for warning in options.warnings { printError(warning) }
    guard let client = options.client() else {
      printError("lead-console: no API key to check.")
      printError(options.configuration.missingKeyHelp)
      return 2
    }

    let verdict = runBlocking { await client.checkKey() }
    print(TerminalText.neutralised("key \(client.key.masked): \(verdict.description)"))
    switch verdict {
    case .valid: return 0
    case .empty, .wrong: return 1
    case .inconclusive(let outcome): return outcome.kind == .notDelivered ? 3 : 4
    }
  }
}
