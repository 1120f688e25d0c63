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
/// description knows; this adds Esc on its own, Alt as Esc plus a character, and the
/// bracketed-paste framing `ESC [200~ … ESC [201~`, which curses passes through as characters.
struct KeyDecoder {
  private enum Pending {
    case nothing
    case escape
    /// After `ESC [`: the parameter and intermediate bytes read so far.
    case controlSequence(String)
    /// Inside a paste: how much of the end marker matched, and idle reads seen in a row.
    case paste(matched: Int, idleReads: Int)
  }

  private var pending = Pending.nothing
  /// The text of the paste under way, kept out of `pending` so appending never copies it.
  private var pasteText: [Unicode.Scalar] = []

  /// The end marker of a bracketed paste, after which the paste is delivered.
  private static let pasteEnd = Array("\u{1B}[201~".unicodeScalars)
  /// Idle reads tolerated inside a paste before it is delivered without its end marker, so a
  /// terminal that drops the marker cannot swallow every later key.
  static let pasteIdleLimit = 25
  // Limitation: a paste keeps its first 65,536 characters; the rest is dropped so one stray
  // paste cannot grow memory without bound. Leads are far shorter.
  static let pasteCharacterLimit = 65_536
  /// Longest `ESC [` sequence collected before it is dropped as noise.
  private static let controlSequenceLimit = 16

  /// Decodes a whole sequence of raw inputs, for callers that have them all at once.
  static func decode(_ inputs: [RawInput]) -> [TerminalInput] {
    var decoder = KeyDecoder()
    return inputs.flatMap { decoder.feed($0) }
  }

  /// Takes one raw input and answers whatever it completes (often nothing or one key).
  mutating func feed(_ input: RawInput) -> [TerminalInput] {
    switch pending {
    case .nothing:
      return plain(input)
    case .escape:
      return afterEscape(input)
    case .controlSequence(let parameters):
      return inControlSequence(parameters, input)
    case .paste(let matched, let idleReads):
      return inPaste(matched: matched, idleReads: idleReads, input)
    }
  }

  private mutating func plain(_ input: RawInput) -> [TerminalInput] {
    switch input {
    case .idle:
      return []
    case .keyCode(let code):
      return Self.keyCodeInput(code).map { [$0] } ?? []
    case .character(27):
      pending = .escape
      return []
    case .character(let value):
      return Self.characterKey(value).map { [.key($0)] } ?? []
    }
  }

  private mutating func afterEscape(_ input: RawInput) -> [TerminalInput] {
    pending = .nothing
    switch input {
    case .idle:
      return [.key(.escape)]
    case .character(27):
      pending = .escape
      return [.key(.escape)]
    case .character(0x5B):
      pending = .controlSequence("")
      return []
    case .character(let value):
      if case .character(let character)? = Self.characterKey(value) {
        return [.key(.alt(character))]
      }
      return [.key(.escape)] + plain(input)
    case .keyCode:
      return [.key(.escape)] + plain(input)
    }
  }

  private mutating func inControlSequence(_ parameters: String, _ input: RawInput)
    -> [TerminalInput]
  {
    pending = .nothing
    guard case .character(let value) = input, let scalar = Unicode.Scalar(value) else {
      // `ESC [` then a pause is Alt-[ typed by hand.
      if input == .idle, parameters.isEmpty { return [.key(.alt("["))] }
      return plain(input)
    }
    switch value {
    case 0x20...0x3F where parameters.count < Self.controlSequenceLimit:
      pending = .controlSequence(parameters + String(scalar))
      return []
    case 0x40...0x7E:
      if parameters == "200", scalar == "~" {
        pasteText = []
        pending = .paste(matched: 0, idleReads: 0)
      }
      // Any other sequence is one curses does not know for this terminal: dropped, not typed.
      return []
    default:
      return plain(input)
    }
  }

  private mutating func inPaste(matched: Int, idleReads: Int, _ input: RawInput)
    -> [TerminalInput]
  {
    var matched = matched
    switch input {
    case .idle:
      guard idleReads + 1 < Self.pasteIdleLimit else { return finishPaste() }
      pending = .paste(matched: matched, idleReads: idleReads + 1)
      return []
    case .keyCode(let code):
      if code == KEY_ENTER { Self.append("\n", to: &pasteText) }
    case .character(let value):
      guard let scalar = Unicode.Scalar(value) else { break }
      if scalar == Self.pasteEnd[matched] {
        matched += 1
        if matched == Self.pasteEnd.count { return finishPaste() }
      } else {
        // What looked like the start of the end marker was pasted text after all.
        for earlier in Self.pasteEnd[0..<matched] { Self.append(earlier, to: &pasteText) }
        matched = scalar == Self.pasteEnd[0] ? 1 : 0
        if matched == 0 { Self.append(scalar, to: &pasteText) }
      }
    }
    pending = .paste(matched: matched, idleReads: 0)
    return []
  }

  private mutating func finishPaste() -> [TerminalInput] {
    pending = .nothing
    var pasted = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in pasteText {
      // Line ends arrive as CR, CR LF or LF depending on the source: all become one LF.
      let endsCarriageReturnLineFeed = scalar == "\n" && previous == "\r"
      if !endsCarriageReturnLineFeed { pasted.append(scalar == "\r" ? "\n" : scalar) }
      previous = scalar
    }
    pasteText = []
    return [.key(.paste(String(pasted)))]
  }

  /// Keeps pasted text as typed except control characters other than Tab, CR and LF, which are
  /// dropped; bounded by `pasteCharacterLimit`.
  private static func append(_ scalar: Unicode.Scalar, to text: inout [Unicode.Scalar]) {
    guard text.count < pasteCharacterLimit else { return }
    switch scalar.value {
    case 0x09, 0x0A, 0x0D:
      text.append(scalar)
    case 0x00...0x1F, 0x7F...0x9F:
      return
    default:
      text.append(scalar)
    }
  }
}
