/// A key press, decoded once from the terminal into intent-free physical terms.
public enum Key: Sendable, Equatable, Hashable {
  /// A printable character in any script (one grapheme cluster).
  case character(Character)
  /// Ctrl with a letter or symbol, as `control("s")` for Ctrl-S; never used for Tab, Enter
  /// or Backspace, which arrive as their own cases.
  case control(Character)
  /// Alt (Meta) with a character, delivered by terminals as Esc followed by the character.
  case alt(Character)
  /// A function key, F1 to F12.
  case function(Int)
  case enter
  case tab
  case backTab
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  case backspace
  case delete
  case escape
  /// Text that arrived as one paste (bracketed paste), taken in one step.
  case paste(String)
}
