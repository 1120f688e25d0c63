import Foundation

exit(LeadConsoleCommand.main(Array(CommandLine.arguments.dropFirst())))
