/// One line of editable text, held as grapheme clusters, with a cursor and a horizontal scroll.
///
/// The cursor counts `Character`s, so one step always crosses a whole letter (`ё`, `é` made of
/// two scalars, a CJK ideograph or an emoji), and the screen column comes from the display
/// widths of the characters before it. Edits rebuild the string so a combining mark typed after
/// a letter joins that letter, as it does on paper.
public struct TextField: Sendable, Equatable {
  /// The most characters a field holds: far more than any lead needs, and small enough that a
  /// mistaken paste of a whole document cannot make each key press slow.
  public static let maximumLength = 10_000

  /// The text as typed.
  public private(set) var value: String
  /// The cursor, as a count of characters before it (0 is the start).
  public private(set) var cursor: Int
  /// The first character shown when the text is wider than its box.
  public internal(set) var scrollOffset: Int

  /// A field holding `value`, with the cursor after its last character.
  public init(_ value: String = "") {
    self.value = String(TextField.insertable(value).prefix(TextField.maximumLength))
    self.cursor = self.value.count
    self.scrollOffset = 0
  }

  /// True when the field holds no text.
  public var isEmpty: Bool { value.isEmpty }

  /// Columns between the start of the text and the cursor.
  public var cursorColumn: Int { DisplayWidth.of(String(value.prefix(cursor))) }

  /// Inserts text at the cursor and moves the cursor after it; line breaks and tabs become
  /// spaces and other control characters are dropped, since the field is one line. Returns
  /// false when the text had to be cut to keep the field within `maximumLength`.
  @discardableResult
  public mutating func insert(_ text: String) -> Bool {
    var clean = TextField.insertable(text)
    let room = max(0, TextField.maximumLength - value.count)
    let fits = clean.count <= room
    if !fits { clean = String(clean.prefix(room)) }
    guard !clean.isEmpty else { return fits }

    let head = String(value.prefix(cursor)) + clean
    let tail = String(value.dropFirst(cursor))
    value = head + tail
    cursor = min(head.count, value.count)
    return fits
  }

  /// Deletes the character before the cursor; returns false when there is none.
  @discardableResult
  public mutating func deleteBackward() -> Bool {
    guard cursor > 0 else { return false }
    value = String(value.prefix(cursor - 1)) + String(value.dropFirst(cursor))
    cursor = min(cursor - 1, value.count)
    return true
  }

  /// Deletes the character under the cursor; returns false at the end of the text.
  @discardableResult
  public mutating func deleteForward() -> Bool {
    guard cursor < value.count else { return false }
    value = String(value.prefix(cursor)) + String(value.dropFirst(cursor + 1))
    cursor = min(cursor, value.count)
    return true
  }

  /// Moves the cursor one character left, if it can.
  public mutating func moveLeft() {
    cursor = max(0, cursor - 1)
  }

  /// Moves the cursor one character right, if it can.
  public mutating func moveRight() {
    cursor = min(value.count, cursor + 1)
  }

  /// Moves the cursor before the first character.
  public mutating func moveToStart() {
    cursor = 0
  }

  /// Moves the cursor after the last character.
  public mutating func moveToEnd() {
    cursor = value.count
  }

  /// Empties the field.
  public mutating func clear() {
    self = TextField()
  }

  /// The text made fit for a one-line field: tabs and line breaks as spaces, controls dropped.
  static func insertable(_ text: String) -> String {
    let spaced = TerminalText.spacingLineBreaks(text)
    guard spaced.unicodeScalars.contains(where: TerminalText.isControl) else { return spaced }
    var scalars = String.UnicodeScalarView()
    for scalar in spaced.unicodeScalars where !TerminalText.isControl(scalar) {
      scalars.append(scalar)
    }
    return String(scalars)
  }
}
