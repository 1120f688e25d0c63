import LeadUI
import Synchronization

/// Events from background work (history loading, deliveries) waiting for the main loop, which
/// picks them up between key reads. The only state the loop shares with other threads.
final class ConsoleInbox: Sendable {
  private let events = Mutex<[ConsoleEvent]>([])

  /// Creates an empty inbox.
  init() {}

  /// Adds an event; callable from any thread or task.
  func post(_ event: ConsoleEvent) {
    events.withLock { $0.append(event) }
  }

  /// Takes every waiting event, oldest first.
  func drain() -> [ConsoleEvent] {
    events.withLock { waiting in
      let taken = waiting
      waiting = []
      return taken
    }
  }
}
