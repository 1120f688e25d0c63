/// One thing read from the terminal, before key sequences are put together.
public enum TerminalRead: Sendable, Equatable {
  /// A character code as read: a Unicode scalar value or a control code.
  case scalar(UInt32)
  /// A key the terminal library already decoded (an arrow, a function key).
  case key(Key)
  /// A key code the console has no use for.
  case unknownKey
  /// Nothing arrived within the read timeout.
  case idle
}

/// Turns what the terminal sends into `Key`s: Esc on its own, Alt as Esc plus a character,
/// Alt-Enter, Ctrl-Left and Ctrl-Right in their xterm (`ESC [1;5D`) and rxvt (`ESC Od`)
/// forms, the VT100 application keys (`ESC OP` for F1) curses did not decode, and bracketed
/// paste (`ESC [200~ … ESC [201~`) as one key. No terminal library in here, so every
/// sequence can be tested byte by byte.
public struct KeySequenceDecoder: Sendable {
  private enum Pending: Sendable {
    case nothing
    case escape
    /// After `ESC O`: the next character names the key.
    case singleShift
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
  public static let pasteIdleLimit = 25
  // Limitation: a paste keeps its first 65,536 characters; the rest is dropped so one stray
  // paste cannot grow memory without bound. Leads are far shorter.
  /// The most characters a paste keeps.
  public static let pasteCharacterLimit = 65_536
  /// Longest `ESC [` sequence collected before it is dropped as noise.
  private static let controlSequenceLimit = 16

  /// A decoder with nothing pending.
  public init() {}

  /// Decodes a whole sequence of reads, for callers that have them all at once.
  public static func decode(_ reads: [TerminalRead]) -> [Key] {
    var decoder = KeySequenceDecoder()
    return reads.flatMap { decoder.feed($0) }
  }

  /// Decodes the bytes of a string as a terminal would send them, one scalar per read, with
  /// an idle read at the end (the pause after a key).
  public static func decode(typed text: String) -> [Key] {
    decode(text.unicodeScalars.map { .scalar($0.value) } + [.idle])
  }

  /// Takes one read and answers the keys it completes (often none or one).
  public mutating func feed(_ read: TerminalRead) -> [Key] {
    switch pending {
    case .nothing:
      return plain(read)
    case .escape:
      return afterEscape(read)
    case .singleShift:
      return afterSingleShift(read)
    case .controlSequence(let parameters):
      return inControlSequence(parameters, read)
    case .paste(let matched, let idleReads):
      return inPaste(matched: matched, idleReads: idleReads, read)
    }
  }

  private mutating func plain(_ read: TerminalRead) -> [Key] {
    switch read {
    case .idle, .unknownKey:
      return []
    case .key(let key):
      return [key]
    case .scalar(27):
      pending = .escape
      return []
    case .scalar(let value):
      return Self.characterKey(value).map { [$0] } ?? []
    }
  }

  private mutating func afterEscape(_ read: TerminalRead) -> [Key] {
    pending = .nothing
    switch read {
    case .idle:
      return [.escape]
    case .scalar(27):
      pending = .escape
      return [.escape]
    case .scalar(0x5B):
      pending = .controlSequence("")
      return []
    case .scalar(0x4F):
      pending = .singleShift
      return []
    case .scalar(10), .scalar(13), .key(.enter):
      return [.altEnter]
    case .scalar(let value):
      if case .character(let character)? = Self.characterKey(value) {
        return [.alt(character)]
      }
      return [.escape] + plain(read)
    case .key, .unknownKey:
      return [.escape] + plain(read)
    }
  }

  /// `ESC O` then a letter: the VT100 application-mode keys and rxvt's Ctrl-arrows. A pause
  /// after `ESC O` is Alt-O typed by hand.
  private mutating func afterSingleShift(_ read: TerminalRead) -> [Key] {
    pending = .nothing
    guard case .scalar(let value) = read, let scalar = Unicode.Scalar(value) else {
      return read == .idle ? [.alt("O")] : [.alt("O")] + plain(read)
    }
    let keys: [Unicode.Scalar: Key] = [
      "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "M": .enter,
      "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
      "c": .controlRight, "d": .controlLeft,
    ]
    if let key = keys[scalar] { return [key] }
    return [.alt("O")] + plain(read)
  }

  private mutating func inControlSequence(_ parameters: String, _ read: TerminalRead) -> [Key] {
    pending = .nothing
    guard case .scalar(let value) = read, let scalar = Unicode.Scalar(value) else {
      // `ESC [` then a pause is Alt-[ typed by hand.
      if read == .idle, parameters.isEmpty { return [.alt("[")] }
      return plain(read)
    }
    switch value {
    case 0x20...0x3F where parameters.count < Self.controlSequenceLimit:
      pending = .controlSequence(parameters + String(scalar))
      return []
    case 0x40...0x7E:
      if parameters == "200", scalar == "~" {
        pasteText = []
        pending = .paste(matched: 0, idleReads: 0)
        return []
      }
      // Any other sequence is one the terminal library did not know: decoded when it is a key
      // the console uses, else dropped, never typed.
      return Self.controlSequenceKey(parameters: parameters, final: scalar).map { [$0] } ?? []
    default:
      return plain(read)
    }
  }

  private mutating func inPaste(matched: Int, idleReads: Int, _ read: TerminalRead) -> [Key] {
    var matched = matched
    switch read {
    case .idle:
      guard idleReads + 1 < Self.pasteIdleLimit else { return finishPaste() }
      pending = .paste(matched: matched, idleReads: idleReads + 1)
      return []
    case .key(let key):
      if key == .enter { Self.append("\n", to: &pasteText) }
    case .unknownKey:
      break
    case .scalar(let value):
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

  private mutating func finishPaste() -> [Key] {
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
    return [.paste(String(pasted))]
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
