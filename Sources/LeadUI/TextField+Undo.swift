/// A field's earlier states, newest last, for Ctrl-_ (undo).
///
/// A run of edits of one kind (typing, erasing with Backspace, erasing with Delete) with no
/// cursor move between them is one step, as in editors: one undo takes back the word just
/// typed rather than its last letter.
struct EditHistory: Sendable {
  /// What an edit was, for joining runs of the same kind into one undo step.
  enum Run: Sendable, Equatable {
    /// A step of its own: a paste, a cut, a pasted cut, a line break.
    case separate
    /// Characters typed one by one.
    case typing
    /// Characters erased with Backspace.
    case erasingBackward
    /// Characters erased with Delete.
    case erasingForward
  }

  /// One earlier state of the field.
  struct Snapshot: Sendable, Equatable {
    /// The text then.
    var value: String
    /// The cursor then.
    var cursor: Int
  }

  /// Undo steps kept per field; older ones are forgotten.
  static let depth = 100

  /// The states before each undoable step, oldest first.
  private(set) var steps: [Snapshot] = []
  /// The kind of the last edit while its run goes on; nil after a cursor move or an undo.
  private var run: Run?

  /// True when there is a step to undo.
  var canUndo: Bool { !steps.isEmpty }

  /// Records the state before an edit of kind `kind`, unless it continues the current run.
  mutating func record(_ before: Snapshot, kind: Run) {
    defer { run = kind == .separate ? nil : kind }
    if kind != .separate, run == kind, !steps.isEmpty { return }
    steps.append(before)
    if steps.count > Self.depth { steps.removeFirst(steps.count - Self.depth) }
  }

  /// Ends the current run, so the next edit is a step of its own.
  mutating func endRun() {
    run = nil
  }

  /// Takes the newest step off the history; nil when there is none.
  mutating func takeLast() -> Snapshot? {
    run = nil
    return steps.popLast()
  }
}

extension TextField {
  /// True when Ctrl-_ has something to take back.
  public var canUndo: Bool { history.canUndo }

  /// Puts the text and cursor back as they were before the last edit (a run of typing or
  /// erasing counts as one); returns false when there is nothing to undo.
  @discardableResult
  public mutating func undo() -> Bool {
    guard let earlier = history.takeLast() else { return false }
    value = earlier.value
    cursor = min(earlier.cursor, value.count)
    return true
  }

  /// Runs an edit and, when it changed the text, records the state before it as an undo step
  /// of kind `kind`. Answers what the edit answered.
  @discardableResult
  mutating func recordingUndo<Answer>(
    _ kind: EditHistory.Run, _ edit: (inout TextField) -> Answer
  ) -> Answer {
    let before = EditHistory.Snapshot(value: value, cursor: cursor)
    let answer = edit(&self)
    if value != before.value {
      history.record(before, kind: kind)
    }
    return answer
  }
}
