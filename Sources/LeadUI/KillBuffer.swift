/// The text last cut with Ctrl-K, Ctrl-U or Ctrl-W, shared by every field, for Ctrl-Y.
///
/// Cuts made one right after another gather into one piece, as in a shell: Ctrl-W pressed
/// three times cuts three words, and Ctrl-Y puts all three back. Any other key ends the
/// gathering, and the next cut starts afresh.
public struct KillBuffer: Sendable, Equatable {
  /// Which side of the cursor a cut took its text from.
  public enum Direction: Sendable, Equatable {
    /// Text before the cursor (Ctrl-U, Ctrl-W): it goes in front of what was gathered.
    case backward
    /// Text after the cursor (Ctrl-K): it goes after what was gathered.
    case forward
  }

  /// What Ctrl-Y pastes.
  public private(set) var text = ""
  /// True right after a cut, while another cut would join it.
  public private(set) var isGathering = false

  /// An empty buffer.
  public init() {}

  /// Takes in cut text; an empty cut keeps what was there.
  public mutating func add(_ cut: String, direction: Direction) {
    guard !cut.isEmpty else { return }
    if isGathering {
      text = direction == .backward ? cut + text : text + cut
    } else {
      text = cut
    }
    isGathering = true
  }

  /// Ends the gathering: the next cut replaces the text.
  public mutating func endGathering() {
    isGathering = false
  }
}
