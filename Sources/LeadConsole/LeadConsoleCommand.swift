import Foundation
import LeadCore

/// The command line: picks a subcommand and maps its result to an exit status.
enum LeadConsoleCommand {
  static let version = "0.1.0"

  static let usage = """
    lead-console: type phone leads into Gentleman CRM.

    Usage:
      lead-console [--sandbox] [options]   open the console
      lead-console send [options]          send one lead (see: lead-console send --help)
      lead-console history [--json]        list the history log
      lead-console retry [options]         send again the leads not delivered (see --help)
      lead-console sandbox [options]       run the local sandbox CRM
      lead-console schema check|show       check or list the field-code schema
      lead-console check-key               ask the CRM whether the key works (creates no lead)
      lead-console --version

    Console options (send takes the same, history takes --log):
      --endpoint URL          the CRM endpoint (default \(CRMClient.defaultEndpoint))
      --log FILE              the history log
                              (default $XDG_STATE_HOME/gentleman-lead-console/history.jsonl)
      --schema FILE           the field-code schema
                              (default $XDG_CONFIG_HOME/gentleman-lead-console/schema.json)
      --lang ru|en            the console's language (default: from LC_ALL, LC_MESSAGES or
                              LANG, the first one set; ru_* is Russian, anything else English)
      --help                  this text, or a command's own help
      --sandbox               start the built-in sandbox on a free loopback port, with a demo key
                              and a history file of its own, and send to it
      --key KEY               the API key (visible in the process list: prefer
                              GENTLEMAN_API_KEY or the config file)
      --get                   send with GET (the key then travels in the URL)
      --connect-timeout S     seconds to connect (default 5)
      --timeout S             seconds for the whole request (default 15)
      --ca-file FILE          trust this CA (PEM) too, for an https:// endpoint with a
                              private certificate

    The key is read from --key, else GENTLEMAN_API_KEY, else "key" in
    $XDG_CONFIG_HOME/gentleman-lead-console/config.json (which may also set "endpoint",
    "connect_timeout", "timeout", "ca_file" and "operator", the name recorded with each lead).
    A config file holding a key must be readable by its owner only (chmod 600).

    Exit status of the console: 0 after quitting; 2 on a usage or configuration error, or when
    the terminal cannot be used; 128 + N after signal N (130 SIGINT, 129 SIGHUP, 143 SIGTERM).
    """

  static func main(_ arguments: [String]) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let command = arguments.first
    let rest = Array(arguments.dropFirst())
    do {
      switch command {
      case "send": return try SendCommand.run(rest, environment: environment)
      case "history": return try HistoryCommand.run(rest, environment: environment)
      case "retry": return try RetryCommand.run(rest, environment: environment)
      case "sandbox": return try SandboxCommand.run(rest)
      case "schema": return try SchemaCommand.run(rest, environment: environment)
      case "check-key": return try CheckKeyCommand.run(rest, environment: environment)
      case "--version":
        print("lead-console \(version)")
        return 0
      case "--help", "-h", "help":
        print(usage)
        return 0
      default: return try ConsoleCommand.run(arguments, environment: environment)
      }
    } catch {
      printError("lead-console: \(error)")
      // Only a mistake in the arguments is helped by the usage; a refused config file or an
      // unreadable schema is named by the message itself.
      guard error is UsageError else { return 2 }
      let helpCommand =
        command.flatMap {
          ["send", "history", "retry", "sandbox", "schema", "check-key"].contains($0)
            ? " \($0)" : nil
        } ?? ""
      printError("Try 'lead-console\(helpCommand) --help'.")
      return 2
    }
  }
}

/// Writes one line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
