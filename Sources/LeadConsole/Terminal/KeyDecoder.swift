import CNcursesw
import LeadUI

/// One result of `wget_wch`: a character, a curses key code, or nothing within the timeout.
enum RawInput: Equatable {
  /// `wget_wch` answered OK: a Unicode scalar value (or a control code).
  case character(UInt32)
  /// `wget_wch` answered KEY_CODE_YES: a curses key code such as KEY_UP.
  case keyCode(Int32)
  /// Nothing arrived within the read timeout.
  case idle
}

/// What the terminal told the console: a key, or that the window changed size.
enum TerminalInput: Equatable {
  /// A decoded key press or paste.
  case key(Key)
  /// The terminal was resized; read the new size from curses.
  case resized
}

/// Turns raw `wget_wch` results into `Key`s. Curses decodes the sequences its terminal
/// description knows; `KeySequenceDecoder` (in LeadUI, where it is tested byte by byte) adds
/// Esc on its own, Alt as Esc plus a character, Alt-Enter, Ctrl-arrows curses passed through,
/// and bracketed paste, which curses passes through as characters.
struct KeyDecoder {
  private var sequences = KeySequenceDecoder()

  /// Decodes a whole sequence of raw inputs, for callers that have them all at once.
  static func decode(_ inputs: [RawInput]) -> [TerminalInput] {
    var decoder = KeyDecoder()
    return inputs.flatMap { decoder.feed($0) }
  }

  /// Takes one raw input and answers whatever it completes (often nothing or one key). A
  /// resize is answered at once, even in the middle of a paste or an Esc sequence.
  mutating func feed(_ input: RawInput) -> [TerminalInput] {
    switch input {
    case .idle:
      return sequences.feed(.idle).map { .key($0) }
    case .character(let value):
      return sequences.feed(.scalar(value)).map { .key($0) }
    case .keyCode(KEY_RESIZE):
      return [.resized]
    case .keyCode(let code):
      let read = Self.key(forCode: code).map { TerminalRead.key($0) } ?? .unknownKey
      return sequences.feed(read).map { .key($0) }
    }
  }
}
