import Dispatch
import Foundation
import LeadCore
import LeadUI
import Synchronization

/// Keeps the lead being typed on disk, at most about a second behind the keys, so a console
/// that is hung up on, killed or crashes loses little; removes it once the form is empty
/// again (the lead was sent or cleared).
///
/// The loop tells it after every batch of events what the form holds and asks it on every
/// pass whether a save is due. Saves wait for a short pause in typing, but never longer than
/// `maximumLagSeconds` after the first unsaved change. Writing (with its fsyncs) happens on a
/// queue of its own, so the keys never wait for the disk; stopping waits for it.
@MainActor
struct DraftKeeper {
  /// A pause in typing this long saves the draft.
  static let quietSeconds = 0.3
  /// The longest a change waits for its save while typing goes on.
  static let maximumLagSeconds = 1.0

  private let writer: DraftWriter?
  /// The form's draft as last seen (nil: the form is as a fresh one).
  private var latest: Draft?
  /// The draft the file holds, or will once the queue has written it (nil: no file).
  private var onDisk: Draft?
  /// When the form last changed.
  private var lastChange = Date.distantPast
  /// When the first change the file does not hold yet was made.
  private var firstUnsavedChange: Date?

  /// A keeper writing to `store`, reporting problems through `inbox` in `language`; with no
  /// store it keeps nothing.
  init(store: DraftStore?, inbox: ConsoleInbox, language: InterfaceLanguage) {
    writer = store.map { DraftWriter(store: $0, inbox: inbox, language: language) }
    self.language = language
  }

  /// The language problems are reported in.
  private let language: InterfaceLanguage

  /// The draft an earlier run kept, as the event that offers it to the form; a draft that
  /// cannot be read is reported instead, and left in place for the operator to look at.
  /// A draft none of whose fields the form still has stays on disk until the next draft
  /// replaces it: the form stays empty, so nothing here removes it.
  mutating func takeKeptDraft() -> ConsoleEvent? {
    guard let writer else { return nil }
    do throws(DraftError) {
      guard let kept = try writer.store.load() else { return nil }
      onDisk = kept
      return .draftFound(kept)
    } catch {
      return .notice(language.text(.draftUnreadable, error.description))
    }
  }

  /// Takes note of what the form holds now. An emptied form removes the draft at once, so a
  /// sent lead is never offered again; a changed one is saved when `saveIfDue` finds it due.
  mutating func observe(_ state: ConsoleState, now: Date) {
    let draft = state.draft(savedAt: now)
    let unchanged =
      switch (draft, latest) {
      case (nil, nil): true
      case (let draft?, let latest?): draft.holdsSameForm(as: latest)
      default: false
      }
    guard !unchanged else { return }
    latest = draft
    lastChange = now
    if firstUnsavedChange == nil { firstUnsavedChange = now }
    if draft == nil { flush() }
  }

  /// Saves the latest change once typing has paused or the change has waited long enough.
  mutating func saveIfDue(now: Date) {
    guard let since = firstUnsavedChange else { return }
    let paused = now.timeIntervalSince(lastChange) >= Self.quietSeconds
    let waitedEnough = now.timeIntervalSince(since) >= Self.maximumLagSeconds
    if paused || waitedEnough { flush() }
  }

  /// Saves what the form holds now and waits until it is on disk: for a stop signal, when the
  /// process is about to end.
  mutating func saveNow(_ state: ConsoleState, now: Date) {
    observe(state, now: now)
    flush()
    writer?.waitUntilWritten()
  }

  /// Removes the draft and waits for it: the operator chose to leave without the lead.
  mutating func discard() {
    latest = nil
    onDisk = nil
    firstUnsavedChange = nil
    writer?.remove()
    writer?.waitUntilWritten()
  }

  /// Hands the latest change to the writer: a save, or the removal of an emptied form's draft.
  private mutating func flush() {
    firstUnsavedChange = nil
    guard let writer else { return }
    if let latest {
      if let onDisk, onDisk.holdsSameForm(as: latest) { return }
      onDisk = latest
      writer.save(latest)
    } else if onDisk != nil {
      onDisk = nil
      writer.remove()
    }
  }
}

/// Writes and removes the draft file on a serial queue of its own, in the order asked, and
/// reports a failure on the status line once (not on every save while the disk stays full).
final class DraftWriter: Sendable {
  /// The draft file.
  let store: DraftStore
  private let inbox: ConsoleInbox
  private let language: InterfaceLanguage
  private let queue = DispatchQueue(label: "lead-console.draft")
  /// The last failure reported, so the same one is not repeated.
  private let lastProblem = Mutex<String?>(nil)

  /// A writer for `store`, reporting through `inbox` in `language`.
  init(store: DraftStore, inbox: ConsoleInbox, language: InterfaceLanguage) {
    self.store = store
    self.inbox = inbox
    self.language = language
  }

  /// Replaces the file with `draft`, after the writes asked before.
  func save(_ draft: Draft) {
    queue.async { [self] in
      do throws(DraftError) {
        try store.save(draft)
        report(nil)
      } catch {
        report(language.text(.draftNotKept, error.description))
      }
    }
  }

  /// Removes the file, after the writes asked before.
  func remove() {
    queue.async { [self] in
      do throws(DraftError) {
        try store.remove()
      } catch {
        report(error.description)
      }
    }
  }

  /// Returns once every write asked so far has ended.
  func waitUntilWritten() {
    queue.sync {}
  }

  /// Posts a problem unless it is the one posted last; nil records that saving works again.
  private func report(_ problem: String?) {
    let isNew = lastProblem.withLock { last in
      defer { last = problem }
      return problem != nil && problem != last
    }
    if isNew, let problem { inbox.post(.notice(problem)) }
  }
}
