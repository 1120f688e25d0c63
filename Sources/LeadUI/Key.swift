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
  /// Enter (Return).
  case enter
  /// Alt with Enter, which terminals deliver apart from Enter (Esc then CR or LF).
  case altEnter
  /// Tab.
  case tab
  /// Shift-Tab.
  case backTab
  /// Arrow up.
  case up
  /// Arrow down.
  case down
  /// Arrow left.
  case left
  /// Arrow right.
  case right
  /// Ctrl with arrow left: a word left.
  case controlLeft
  /// Ctrl with arrow right: a word right.
  case controlRight
  /// Home.
  case home
  /// End.
  case end
  /// Page Up.
  case pageUp
  /// Page Down.
  case pageDown
  /// Backspace, whichever code the terminal sends for it.
  case backspace
  /// Delete (forward delete).
  case delete
  /// Esc on its own.
  case escape
  /// Text that arrived as one paste (bracketed paste), taken in one step.
  case paste(String)
}
