import Foundation
import LeadCore
import LeadUI
import Synchronization

/// What the console needs to run: its setting, the sender, and the history it shows.
struct ConsoleSetup {
  /// Endpoint, masked key and start-up notices, as the operator sees them.
  var context: ConsoleContext
  /// Writes leads to the history log and sends them; nil when nothing can be sent (no key).
  /// Saving the settings screen replaces it.
  var dispatcher: LeadDispatcher?
  /// The history log read into the history pane at start.
  var history: HistoryLog
  /// Saves the settings screen's key and endpoint and checks keys.
  var settings: SettingsApplier
  /// When not-delivered leads are sent again while the console runs.
  var schedule = ResendSchedule()
  /// Where the lead being typed is kept while it is typed; nil keeps no draft.
  var drafts: DraftStore?
  /// The `retention_days` setting: a compaction at start purges finished leads older than it.
  var retentionDays: Int?
}

/// The full-screen console. All curses calls happen in its loop on the main thread; the
/// history load and every delivery run in background tasks and come back as events, so the
/// keys keep working while requests are in flight.
enum ConsoleRunner {
  /// Exit status when the terminal cannot be used; the reason goes to standard error.
  static let terminalUnusableStatus: Int32 = 2

  /// Runs the console and answers the exit status: 0 when the operator quits, 128 plus the
  /// signal's number when SIGINT (130), SIGTERM (143) or SIGHUP (129) stops it, or
  /// `terminalUnusableStatus`. Must be called on the main thread.
  static func run(_ setup: ConsoleSetup) -> Int32 {
    MainActor.assumeIsolated {
      let session: TerminalSession
      do throws(TerminalError) {
        session = try TerminalSession.enter(environment: ProcessInfo.processInfo.environment)
      } catch {
        FileHandle.standardError.write(Data("lead-console: \(error.description)\n".utf8))
        return terminalUnusableStatus
      }
      defer { session.leave() }

      var loop = ConsoleLoop(setup: setup, session: session)
      return loop.run()
    }
  }
}

/// One run of the console: the terminal, the state, and the inbox background work posts to.
@MainActor
private struct ConsoleLoop {
  private let setup: ConsoleSetup
  private let session: TerminalSession
  private let inbox = ConsoleInbox()
  private var state: ConsoleState
  private var presenter: CursesPresenter
  private var decoder = KeyDecoder()
  private var size: (rows: Int, columns: Int)
  private let copier = RequestCopier(environment: ProcessInfo.processInfo.environment)
  /// Deliveries still running, so that quitting can end them with an outcome on record.
  private var deliveries: [LeadID: Task<Void, Never>] = [:]
  private let deliveriesRunning = DispatchGroup()
  /// The sender in use: the one from start-up until settings are saved, then theirs.
  private var dispatcher: LeadDispatcher?
  /// The key check under way, cancelled when the console ends.
  private var keyCheck: Task<Void, Never>?
  /// Keeps the lead being typed on disk.
  private var drafts: DraftKeeper

  /// When not-delivered leads go out again on their own, and how far apart requests go.
  private var schedule: ResendSchedule { setup.schedule }
  /// When the latest request of this console started, for the schedule's spacing.
  private var lastRequestAt: Date?
  /// When the loop next looks for a lead due for an automatic resend.
  private var nextResendCheck = Date()
  /// True once the whole log is indexed; from then on the loop watches it for other writers.
  private var isIndexed = false
  /// When the loop next reads what other processes appended to the log.
  private var nextLogWatch = Date()
  /// True while a read of the log's new records runs, so reads never pile up.
  private let logWatchRunning = LogWatchFlag()

  /// The language of the console's words, for the notices the loop words itself.
  private var language: InterfaceLanguage { state.language }

  /// How long quitting waits for cancelled deliveries to write their outcome.
  private static let quitGraceSeconds = 3.0
  /// How often the loop looks for a due lead; the schedule's spacing is at least this long.
  private static let resendCheckSeconds = 1.0
  /// How often the loop reads what other processes (another console, `send`, `retry`)
  /// appended to the log, for the pane, the duplicate check and leads left queued.
  private static let logWatchSeconds = 2.0

  init(setup: ConsoleSetup, session: TerminalSession) {
    var context = setup.context
    if let fallback = session.localeFallback {
      context.notices.append(fallback.notice(in: context.language))
    }
    self.setup = setup
    self.session = session
    self.state = ConsoleState(context: context)
    self.presenter = CursesPresenter(palette: session.palette, lineDrawing: session.lineDrawing)
    self.size = session.size
    self.dispatcher = setup.dispatcher
    self.drafts = DraftKeeper(store: setup.drafts, inbox: inbox, language: context.language)
  }

  /// Reads keys, applies events and draws until the operator quits or a signal stops it.
  /// A draft kept by an earlier run goes into the form before the first frame.
  mutating func run() -> Int32 {
    loadHistory()
    var events: [ConsoleEvent] = [.resized(rows: size.rows, columns: size.columns)]
    if let kept = drafts.takeKeptDraft() { events.append(kept) }
    while true {
      events += inbox.drain()
      if !events.isEmpty {
        guard process(events) else {
          // Quitting over a typed lead takes a second press that says it is left behind.
          drafts.discard()
          endDeliveries()
          return 0
        }
        events = []
        drafts.observe(state, now: Date())
        presenter.present(ConsoleRenderer.render(state, rows: size.rows, columns: size.columns))
      }

      let now = Date()
      drafts.saveIfDue(now: now)
      if now >= nextResendCheck {
        nextResendCheck = now.addingTimeInterval(Self.resendCheckSeconds)
        events += resendDue(now: now)
      }
      if isIndexed, now >= nextLogWatch {
        nextLogWatch = now.addingTimeInterval(Self.logWatchSeconds)
        watchLog()
      }

      let signal = TerminalRescue.stopSignal.load(ordering: .sequentiallyConsistent)
      if signal != 0 {
        // A hang-up or SIGTERM ends the process: the draft goes to disk first, complete.
        drafts.saveNow(state, now: now)
        endDeliveries()
        return 128 + signal
      }
      for input in decoder.feed(session.readInput()) {
        switch input {
        case .key(let key):
          events.append(.key(key))
        case .resized:
          size = session.size
          presenter.invalidate()
          events.append(.resized(rows: size.rows, columns: size.columns))
        }
      }
    }
  }

  /// Applies events in order, with the events that performing their effects produces right
  /// behind them; answers false once the operator has asked to quit.
  private mutating func process(_ events: [ConsoleEvent]) -> Bool {
    var queue = events
    var next = 0
    while next < queue.count {
      if case .leadUpdated(let id, let leadState, _) = queue[next], leadState != .sending {
        deliveries[id] = nil
      }
      if case .resendRefused(let id, _, _) = queue[next] {
        deliveries[id] = nil
      }
      if case .historyIndexed = queue[next] {
        isIndexed = true
      }
      if case .settingsApplied = queue[next], let replacement = inbox.takeDispatcher() {
        dispatcher = replacement
      }
      let effects = state.handle(queue[next])
      next += 1
      for effect in effects {
        switch effect {
        case .quit:
          return false
        case .submit(let lead):
          queue += submit(lead)
        case .resend(let id):
          queue += resend(id)
        case .markDone(let id):
          queue += markDone(id)
        case .copy(let text):
          queue.append(copier.copy(text, language: language))
        case .saveSettings(let key, let endpoint):
          saveSettings(key: key, endpoint: endpoint)
        case .checkKey(let key, let endpoint):
          checkKey(key, endpoint: endpoint)
        }
      }
    }
    return true
  }

  /// Writes the lead to the history log here (a lead is on disk before anything else happens
  /// to it), then sends it in a background task whose result comes back through the inbox.
  private mutating func submit(_ lead: Lead) -> [ConsoleEvent] {
    guard let dispatcher else {
      return [.queueFailed(lead: lead, message: language.text(.noKeyToSend))]
    }
    let entry: HistoryEntry
    do {
      entry = try dispatcher.enqueue(lead)
    } catch {
      return [.queueFailed(lead: lead, message: error.description)]
    }

    startDelivery(of: entry, with: dispatcher)
    return [.leadQueued(entry), .leadUpdated(id: entry.id, state: .sending, outcome: nil)]
  }

  /// Sends a lead from the history again, as the next attempt of the same entry, posting the
  /// same events as a new submission; a lead already in flight is not sent twice. Only the
  /// operator's own resend (`deliberate`) may send an uncertain lead.
  private mutating func resend(_ id: LeadID, deliberate: Bool = true) -> [ConsoleEvent] {
    guard let dispatcher else { return [.notice(language.text(.notResentNoKey))] }
    guard let entry = state.history.first(where: { $0.id == id }) else {
      return [.notice(language.text(.notResentGone))]
    }
    guard deliveries[id] == nil else { return [.notice(language.text(.notResentInFlight))] }
    guard Self.maySend(entry, isSandbox: state.context.isSandbox) else {
      return [.notice(language.text(.notResentToSandbox, TerminalText.singleLine(entry.endpoint)))]
    }
    startDelivery(of: entry, with: dispatcher, resendUncertain: deliberate)
    return [.leadUpdated(id: id, state: .sending, outcome: nil)]
  }

  /// Resends at most one not-delivered lead whose time has come, through the same path as the
  /// operator's resend, so its state shows live. Leads in flight are skipped; the schedule
  /// never picks an uncertain one, and the dispatcher's claim re-checks the log.
  private mutating func resendDue(now: Date) -> [ConsoleEvent] {
    guard dispatcher != nil else { return [] }
    let isSandbox = state.context.isSandbox
    let idle = state.history.filter {
      deliveries[$0.id] == nil && Self.maySend($0, isSandbox: isSandbox)
    }
    guard let entry = schedule.due(idle, now: now, lastRequest: lastRequestAt) else { return [] }
    return resend(entry.id, deliberate: false)
  }

  /// False for a lead queued for a CRM off this machine while the console sends to its own
  /// sandbox (`--sandbox` over a real history log): the sandbox would take it and mark it
  /// accepted without it ever reaching the CRM.
  static func maySend(_ entry: HistoryEntry, isSandbox: Bool) -> Bool {
    guard isSandbox else { return true }
    guard let host = URLComponents(string: entry.endpoint)?.host?.lowercased() else {
      return false
    }
    return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// Records in the history log that the operator closed the lead by hand.
  private func markDone(_ id: LeadID) -> [ConsoleEvent] {
    guard let dispatcher else { return [.notice(language.text(.notMarkedNoHistory))] }
    do {
      try dispatcher.markDone(id, by: dispatcher.operatorName ?? "operator")
    } catch {
      return [.notice(language.text(.notMarkedDone, error.description))]
    }
    return [.leadUpdated(id: id, state: .done, outcome: nil)]
  }

  /// Runs one delivery attempt in a background task whose result comes back through the inbox.
  /// An attempt the log's claim refuses makes no request and comes back as `resendRefused`.
  private mutating func startDelivery(
    of entry: HistoryEntry, with dispatcher: LeadDispatcher, resendUncertain: Bool = false
  ) {
    let inbox = self.inbox
    let running = deliveriesRunning
    let language = self.language
    lastRequestAt = Date()
    running.enter()
    deliveries[entry.id] = Task.detached {
      defer { running.leave() }
      let report = await dispatcher.deliverReporting(entry, resendUncertain: resendUncertain)
      let outcome = report.outcome
      if let refusal = report.refusal {
        inbox.post(.resendRefused(id: entry.id, state: refusal.state, refusal: refusal))
      } else {
        inbox.post(.leadUpdated(id: entry.id, state: LeadState(outcome.kind), outcome: outcome))
      }
      if let problem = report.historyError {
        inbox.post(.notice(language.text(.attemptNotLogged, problem.description)))
      }
    }
  }

  /// Cancels the deliveries still in flight and waits, bounded, for each to write its outcome
  /// (uncertain when the request had gone out), so no lead is left "sending" in the history.
  private func endDeliveries() {
    keyCheck?.cancel()
    guard !deliveries.isEmpty else { return }
    for delivery in deliveries.values { delivery.cancel() }
    _ = deliveriesRunning.wait(timeout: .now() + Self.quitGraceSeconds)
  }

  /// Writes the settings off the main thread (the file is fsync'd); the result comes back as
  /// an event, with the new dispatcher when they were saved.
  private func saveSettings(key: APIKey, endpoint: String) {
    let applier = setup.settings
    let inbox = self.inbox
    Task.detached {
      let (event, replacement) = applier.save(key: key, endpoint: endpoint)
      if let replacement {
        inbox.post(event, replacingDispatcherWith: replacement)
      } else {
        inbox.post(event)
      }
    }
  }

  /// Checks a key in a background task, bounded by the console's timeouts; keys keep working
  /// meanwhile and the verdict comes back as an event.
  private mutating func checkKey(_ key: APIKey, endpoint: String) {
    let applier = setup.settings
    let inbox = self.inbox
    keyCheck = Task.detached {
      inbox.post(await applier.check(key: key, endpoint: endpoint))
    }
  }

  /// Reads, off the main thread, what was appended to the log since the index last read it;
  /// when that changed anything, the pane, the duplicate check and the resend schedule get the
  /// log's leads as they now stand (as after the start-up read).
  private func watchLog() {
    let running = logWatchRunning
    guard running.begin() else { return }
    let history = setup.history
    let inbox = self.inbox
    let seen = state.historyIndex.version
    Task.detached {
      defer { running.end() }
      let index = history.currentIndex()
      guard index.version != seen else { return }
      let open = index.openEntries(limit: ConsoleState.openLeadLimit)
      inbox.post(.historyIndexed(index.report, open: open))
    }
  }

  /// True while `lead-console retry` holds the log's retry lock. The console then leaves
  /// compaction to it: a pass reads its leads back from where the log had them when it began.
  nonisolated static func isRetryRunning(on log: URL) -> Bool {
    guard let held = try? HistoryLock.retrying(log).acquire(waiting: false) else {
      // Held elsewhere (nil), or the lock file cannot be opened: compaction would fail too.
      return true
    }
    held.release()
    return false
  }

  /// Reads the history log off the main thread, so a long log never delays the first frame:
  /// first its newest page, then an index of the whole file. A log past
  /// `HistoryLog.defaultCompactionLimit` that compaction would shrink markedly is compacted
  /// and indexed again.
  private func loadHistory() {
    let history = setup.history
    let inbox = self.inbox
    let language = self.language
    let retentionDays = setup.retentionDays
    Task.detached {
      inbox.post(.historyLoaded(history.loadTail()))
      // The log's own index: the one its claims keep up to date, so the pane sees what other
      // processes append and memory holds one index, not two.
      let index = history.currentIndex()
      if index.report.worthCompacting, !Self.isRetryRunning(on: history.url) {
        do throws(HistoryError) {
          let retention = retentionDays.map { HistoryRetention(days: $0) }
          if try history.compact(
            maxBytes: HistoryLog.defaultCompactionLimit, retention: retention)
          {
            index.refresh()
          }
        } catch {
          inbox.post(.notice(language.text(.logNotCompacted, error.description)))
        }
      }
      let open = index.openEntries(limit: ConsoleState.openLeadLimit)
      inbox.post(.historyIndexed(index.report, open: open))
    }
  }

}

/// Says whether a read of the log's new records is under way.
final class LogWatchFlag: Sendable {
  private let running = Atomic<Bool>(false)

  /// Marks a read as started; false when one already runs.
  func begin() -> Bool {
    running.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
      .exchanged
  }

  /// Marks the read as done.
  func end() {
    running.store(false, ordering: .releasing)
  }
}
