import Foundation

/// The command line: picks a subcommand and maps its result to an exit status.
enum LeadConsoleCommand {
  static func main(_ arguments: [String]) -> Int32 {
    0
  }
}
