/// How the box-drawing characters the panes use reach a terminal: as the terminal's own line
/// characters, or as plain ASCII where the terminal has none.
///
/// Panes draw Unicode lines (`─`, `│`, `┃`, corners); the presenter asks this table what to
/// send instead. The choice comes from the terminal's description (its `acsc` capability: the
/// VT100 line characters it can draw, and a way to switch to them), never from the terminal's
/// name. For the terminal's own lines curses decides whether to switch character sets or to
/// write the Unicode line, as the terminal and the locale allow.
public struct LineDrawing: Sendable, Equatable {
  /// A box-drawing character as the terminal gets it.
  public enum Glyph: Sendable, Equatable {
    /// The terminal's horizontal line (VT100 line-drawing `q`).
    case horizontalLine
    /// The terminal's vertical line (VT100 line-drawing `x`).
    case verticalLine
    /// This ASCII character, drawn as it is.
    case ascii(Character)
  }

  /// The VT100 line-drawing characters the terminal can draw.
  public let available: Set<Character>

  /// The VT100 line-drawing character of the horizontal line.
  static let horizontalCode: Character = "q"
  /// The VT100 line-drawing character of the vertical line.
  static let verticalCode: Character = "x"

  /// Every box-drawing character the panes may use: the terminal line it becomes (nil for the
  /// corners and joints, which always become `+`) and its ASCII stand-in. The scroll bar's
  /// heavy thumb becomes a plain line in another role, or `#`.
  static let table: [Character: (line: Glyph?, ascii: Character)] = [
    "─": (.horizontalLine, "-"), "━": (.horizontalLine, "-"),
    "│": (.verticalLine, "|"), "┃": (.verticalLine, "#"),
    "┌": (nil, "+"), "┐": (nil, "+"), "└": (nil, "+"), "┘": (nil, "+"),
    "├": (nil, "+"), "┤": (nil, "+"), "┬": (nil, "+"), "┴": (nil, "+"), "┼": (nil, "+"),
  ]

  /// Line drawing from a terminal's `acsc` string (pairs of a VT100 line-drawing character and
  /// the terminal's own); nil or empty, or no way to switch character sets, leaves ASCII.
  public init(acsc: String?, canSwitchCharacterSet: Bool) {
    guard let acsc, canSwitchCharacterSet else {
      available = []
      return
    }
    let characters = Array(acsc)
    available = Set(stride(from: 0, to: characters.count - 1, by: 2).map { characters[$0] })
  }

  /// ASCII only, for terminals without line drawing.
  public static let ascii = LineDrawing(acsc: nil, canSwitchCharacterSet: false)

  /// What to send for a grapheme: nil when it is not a box-drawing character (sent as it is).
  public func glyph(for grapheme: String) -> Glyph? {
    guard grapheme.count == 1, let character = grapheme.first,
      let entry = Self.table[character]
    else { return nil }
    switch entry.line {
    case .horizontalLine? where available.contains(Self.horizontalCode):
      return .horizontalLine
    case .verticalLine? where available.contains(Self.verticalCode):
      return .verticalLine
    default:
      return .ascii(entry.ascii)
    }
  }
}
