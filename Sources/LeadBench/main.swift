import Foundation

// The subcommand's answer is the exit status; everything else happens in `BenchCommand`.
StopReport.install()
exit(BenchCommand.main(Array(CommandLine.arguments.dropFirst())))
