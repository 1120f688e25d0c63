import CNcursesw
import Glibc
import LeadUI

/// Curses on this process's terminal, from `enter` to `leave`: locale, tty modes, colours, the
/// held standard error, and the rescue paths that put the terminal back if the program is
/// stopped by a signal, exits early or crashes. Used from the main thread only.
final class TerminalSession {
  /// How style roles look on this terminal.
  let palette: Palette
  /// Said once to the operator when characters had to fall back to a UTF-8 locale (C.UTF-8)
  /// other than the one the environment names.
  let localeFallback: LocaleFallback?
  /// How box lines reach this terminal: its own line characters, or ASCII.
  let lineDrawing: LineDrawing

  /// How long one key read waits, so the loop also sees background results and stop signals.
  static let readTimeoutMilliseconds: Int32 = 40
  /// How long curses waits after Esc for the rest of a key sequence.
  static let escapeDelayMilliseconds: Int32 = 25

  private let screen: OpaquePointer
  private var savedTerminal: termios
  private let heldError: HeldStandardError?
  private var isActive = true

  private static let bracketedPasteOn = "\u{1B}[?2004h"
  private static let bracketedPasteOff = "\u{1B}[?2004l"

  private init(
    screen: OpaquePointer, savedTerminal: termios, heldError: HeldStandardError?,
    palette: Palette, lineDrawing: LineDrawing, localeFallback: LocaleFallback?
  ) {
    self.screen = screen
    self.savedTerminal = savedTerminal
    self.heldError = heldError
    self.palette = palette
    self.lineDrawing = lineDrawing
    self.localeFallback = localeFallback
  }

  deinit {
    leave()
  }

  /// Takes over the terminal. Raw mode makes Ctrl-C, Ctrl-S and Ctrl-Q arrive as keys instead
  /// of signals and flow control.
  static func enter(environment: [String: String]) throws(TerminalError) -> TerminalSession {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    let fallback = try chooseLocale(environment: environment)
    var saved = termios()
    guard tcgetattr(STDOUT_FILENO, &saved) == 0 else { throw .notATerminal }

    // Handlers go in before curses starts: curses then leaves SIGINT and SIGTERM to them.
    let heldError = HeldStandardError.begin()
    TerminalRescue.arm(terminal: saved, descriptor: STDOUT_FILENO, heldError: heldError)
    guard let screen = cn_newterm(), cn_can_move_cursor() else {
      // Without a screen endwin only answers ERR; with one it gives back what newterm took.
      _ = endwin()
      _ = tcsetattr(STDOUT_FILENO, TCSANOW, &saved)
      TerminalRescue.disarm()
      heldError?.end()
      throw .unusableTerminal(type: environment["TERM"] ?? "")
    }

    _ = raw()
    _ = noecho()
    _ = nonl()
    _ = keypad(cn_stdscr(), true)
    _ = set_escdelay(escapeDelayMilliseconds)
    wtimeout(cn_stdscr(), readTimeoutMilliseconds)
    writeUnbuffered(bracketedPasteOn)
    return TerminalSession(
      screen: screen, savedTerminal: saved, heldError: heldError,
      palette: choosePalette(environment: environment), lineDrawing: chooseLineDrawing(),
      localeFallback: fallback)
  }

  /// Writes a mode switch straight to the terminal. `putp` would go through stdio's buffer,
  /// which is flushed only at exit: the switch would arrive too late to matter.
  private static func writeUnbuffered(_ sequence: String) {
    let bytes = Array(sequence.utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  }

  /// Gives the terminal back exactly as it was; safe to call more than once.
  func leave() {
    guard isActive else { return }
    isActive = false

    // After a rescue (hang-up, a sent fatal signal) the terminal is already back: curses must
    // not write to it again, or it would jump to the alternate screen's saved cursor.
    if TerminalRescue.isArmed {
      Self.writeUnbuffered(Self.bracketedPasteOff)
      _ = endwin()
      delscreen(screen)
    }
    // endwin restores the modes curses saw at start; the saved copy is the same, and also
    // covers the rescued case.
    _ = tcsetattr(STDOUT_FILENO, TCSANOW, &savedTerminal)
    TerminalRescue.disarm()
    heldError?.end()
  }

  /// The screen size curses currently knows.
  var size: (rows: Int, columns: Int) {
    var rows: Int32 = 0
    var columns: Int32 = 0
    cn_getmaxyx(&rows, &columns)
    return (Int(max(0, rows)), Int(max(0, columns)))
  }

  /// Waits up to the read timeout for one key or event from curses.
  func readInput() -> RawInput {
    var value: wint_t = 0
    switch cn_get_wch(&value) {
    case OK: return .character(UInt32(value))
    case KEY_CODE_YES: return .keyCode(Int32(bitPattern: UInt32(value)))
    default: return .idle
    }
  }

  /// Colour pairs when the terminal has at least the eight basic colours and a pair for every
  /// role, and `NO_COLOR` is unset or empty, as the no-color.org convention asks; otherwise
  /// the monochrome table (bold, reverse, underline, dim).
  private static func choosePalette(environment: [String: String]) -> Palette {
    let colourRefused = !(environment["NO_COLOR"] ?? "").isEmpty
    guard !colourRefused, has_colors(), tigetnum("colors") >= Palette.coloursNeeded,
      tigetnum("pairs") > StyleRole.allCases.count, start_color() == OK
    else { return .monochrome() }
    return .coloured(defaultColors: use_default_colors() == OK)
  }

  /// The terminal's own line characters where its description lists them (`acsc`) and can
  /// switch to them (`smacs`), else ASCII; read from terminfo, whatever TERM is called.
  private static func chooseLineDrawing() -> LineDrawing {
    LineDrawing(
      acsc: capability("acsc"), canSwitchCharacterSet: capability("smacs") != nil)
  }

  /// A string capability of the terminal, nil when it is absent, cancelled or not a string
  /// (terminfo answers those with NULL or the pointer -1).
  private static func capability(_ name: String) -> String? {
    guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }
}
