import Foundation

// The Swift backtracer is left at its defaults: a crash under curses points standard input at
// /dev/null before the report (`TerminalRescue`), so the backtracer never waits for a key on a
// screen that looks frozen, and starting costs one process image, not two.
exit(LeadConsoleCommand.main(Array(CommandLine.arguments.dropFirst())))
