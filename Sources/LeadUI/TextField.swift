/// Editable text, held as grapheme clusters, with a cursor, a scroll position and an undo
/// history; one line, or several for a field that keeps line breaks (the comment).
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
  public internal(set) var value: String
  /// The cursor, as a count of characters before it (0 is the start).
  public internal(set) var cursor: Int
  /// The first character shown when a one-line text is wider than its box.
  public internal(set) var scrollOffset: Int
  /// The first row shown when a multi-line text has more rows than its box.
  public internal(set) var firstRow: Int
  /// True for a field that keeps line breaks; a one-line field turns them into spaces.
  public let allowsLineBreaks: Bool
  /// Earlier states for undo; not part of what the field shows, so not compared.
  var history = EditHistory()

  /// A field holding `value`, with the cursor after its last character.
  public init(_ value: String = "", allowsLineBreaks: Bool = false) {
    self.allowsLineBreaks = allowsLineBreaks
    self.value = String(
      TextField.insertable(value, keepingLineBreaks: allowsLineBreaks)
        .prefix(TextField.maximumLength))
    self.cursor = self.value.count
    self.scrollOffset = 0
    self.firstRow = 0
  }

  /// Two fields are equal when they hold the same text, cursor and scroll position, whatever
  /// edits led there.
  public static func == (lhs: TextField, rhs: TextField) -> Bool {
    lhs.value == rhs.value && lhs.cursor == rhs.cursor && lhs.scrollOffset == rhs.scrollOffset
      && lhs.firstRow == rhs.firstRow && lhs.allowsLineBreaks == rhs.allowsLineBreaks
  }

  /// True when the field holds no text.
  public var isEmpty: Bool { value.isEmpty }

  /// Columns between the start of the text (of the cursor's row, in a multi-line field) and
  /// the cursor.
  public var cursorColumn: Int {
    guard allowsLineBreaks else { return DisplayWidth.of(String(value.prefix(cursor))) }
    let before = value.prefix(cursor)
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return DisplayWidth.of(String(before[lineStart...]))
  }

  /// Inserts text at the cursor and moves the cursor after it, as one undo step (a paste, a
  /// pasted cut). Line breaks are kept in a multi-line field and become spaces elsewhere; tabs
  /// become spaces and other control characters are dropped. Returns false when the text had
  /// to be cut to keep the field within `maximumLength`.
  @discardableResult
  public mutating func insert(_ text: String) -> Bool {
    recordingUndo(.separate) { $0.place(text) }
  }

  /// Inserts typed text as `insert` does; a run of typing is undone in one step.
  @discardableResult
  public mutating func type(_ text: String) -> Bool {
    recordingUndo(.typing) { $0.place(text) }
  }

  /// Deletes the character before the cursor; returns false when there is none. A run of
  /// erasing is undone in one step.
  @discardableResult
  public mutating func deleteBackward() -> Bool {
    guard cursor > 0 else { return false }
    recordingUndo(.erasingBackward) { $0.replace(($0.cursor - 1)..<$0.cursor, with: "") }
    return true
  }

  /// Deletes the character under the cursor; returns false at the end of the text.
  @discardableResult
  public mutating func deleteForward() -> Bool {
    guard cursor < value.count else { return false }
    recordingUndo(.erasingForward) { $0.replace($0.cursor..<($0.cursor + 1), with: "") }
    return true
  }

  /// Moves the cursor one character left, if it can.
  public mutating func moveLeft() {
    moveCursor(to: cursor - 1)
  }

  /// Moves the cursor one character right, if it can.
  public mutating func moveRight() {
    moveCursor(to: cursor + 1)
  }

  /// Moves the cursor to the start of the text, or of its line in a multi-line field.
  public mutating func moveToStart() {
    moveCursor(to: allowsLineBreaks ? lineBounds.lowerBound : 0)
  }

  /// Moves the cursor to the end of the text, or of its line in a multi-line field.
  public mutating func moveToEnd() {
    moveCursor(to: allowsLineBreaks ? lineBounds.upperBound : value.count)
  }

  /// Empties the field, undo history included.
  public mutating func clear() {
    self = TextField(allowsLineBreaks: allowsLineBreaks)
  }

  /// Puts the cursor at `position`, kept within the text; ends a run of typing or erasing.
  mutating func moveCursor(to position: Int) {
    cursor = max(0, min(value.count, position))
    history.endRun()
  }

  /// Characters `range` (in character counts) replaced by `text` taken as it is, the cursor
  /// after it. The caller has made `text` insertable.
  mutating func replace(_ range: Range<Int>, with text: String) {
    let head = String(value.prefix(range.lowerBound)) + text
    value = head + String(value.dropFirst(range.upperBound))
    cursor = min(head.count, value.count)
  }

  /// Inserts text made fit for the field, cut at `maximumLength`; false when it was cut.
  private mutating func place(_ text: String) -> Bool {
    var clean = TextField.insertable(text, keepingLineBreaks: allowsLineBreaks)
    let room = max(0, TextField.maximumLength - value.count)
    let fits = clean.count <= room
    if !fits { clean = String(clean.prefix(room)) }
    guard !clean.isEmpty else { return fits }
    replace(cursor..<cursor, with: clean)
    return fits
  }

  /// The text made fit for a field: tabs as spaces, line breaks (CR, LF, CR LF and the
  /// Unicode separators) as one LF when `keepingLineBreaks`, else as a space; other control
  /// characters dropped.
  static func insertable(_ text: String, keepingLineBreaks: Bool = false) -> String {
    let spaced =
      keepingLineBreaks ? TextField.unifyingLineBreaks(text) : TerminalText.spacingLineBreaks(text)
    guard spaced.unicodeScalars.contains(where: { TerminalText.isControl($0) && $0 != "\n" })
    else { return spaced }
    var scalars = String.UnicodeScalarView()
    for scalar in spaced.unicodeScalars where !TerminalText.isControl(scalar) || scalar == "\n" {
      scalars.append(scalar)
    }
    return String(scalars)
  }

  /// Each line break as one LF, each tab as a space; other characters unchanged.
  static func unifyingLineBreaks(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t":
        output.append(" ")
      case "\n" where previousWasCarriageReturn:
        break
      case "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
        output.append("\n")
      default:
        output.append(scalar)
      }
      previousWasCarriageReturn = scalar == "\r"
    }
    return String(output)
  }
}
