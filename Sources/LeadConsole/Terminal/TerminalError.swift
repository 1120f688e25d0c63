/// Why the console cannot take over the terminal. The console does not start, and the message
/// says what to change.
enum TerminalError: Error, Equatable, CustomStringConvertible {
  /// Standard input or output is not a terminal (a pipe or a file).
  case notATerminal
  /// Neither the environment's locale nor C.UTF-8 gives UTF-8; `setting` names the variable in
  /// effect, as `LANG=ru_RU.KOI8-R`.
  case noUTF8Locale(setting: String)
  /// The terminal named by TERM is unknown to curses, or cannot move its cursor (`dumb`).
  case unusableTerminal(type: String)

  /// What went wrong and what to do about it, in words.
  var description: String {
    switch self {
    case .notATerminal:
      "The console needs a terminal: run it without redirecting its input or output "
        + "(scripts use `lead-console send`)."
    case .noUTF8Locale(let setting):
      "No UTF-8 locale is available (\(setting), and neither C.UTF-8 nor en_US.UTF-8 is "
        + "installed), so non-Latin letters would be lost. Install a UTF-8 locale and set LANG "
        + "to it (or LC_ALL, which overrides LANG), e.g. LANG=ru_RU.UTF-8."
    case .unusableTerminal(let type):
      "The terminal type TERM=\(type.isEmpty ? "(unset)" : type) cannot show a full-screen "
        + "form (unknown to curses, or no cursor movement): set TERM to a known type such as "
        + "xterm-256color, or install the ncurses-term package."
    }
  }
}
