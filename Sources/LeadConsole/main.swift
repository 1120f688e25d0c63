import Foundation

// The Swift runtime reads SWIFT_BACKTRACE once, at start. Left alone, a crash on a terminal turns
// the backtracer interactive and it waits up to 30 s for a key; an operator would see a frozen
// screen. So on a terminal the process starts itself once more with the backtracer told not to
// wait. The variable it sets also stops it from doing so twice.
if isatty(STDIN_FILENO) == 1, ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil {
  setenv("SWIFT_BACKTRACE", "interactive=no", 1)
  let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
  // The real path, not /proc/self/exe, so that ps and pgrep still see "lead-console".
  var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
  if readlink("/proc/self/exe", &path, Int(PATH_MAX)) > 0 {
    execv(path, arguments)
  }
  // execv returns only on failure; then the console runs on with the runtime's defaults.
}

exit(LeadConsoleCommand.main(Array(CommandLine.arguments.dropFirst())))
