import LeadCore
import LeadUI
import Synchronization

/// Events from background work (history loading, deliveries, settings) waiting for the main
/// loop, which picks them up between key reads. The only state the loop shares with other
/// threads.
final class ConsoleInbox: Sendable {
  private let events = Mutex<[ConsoleEvent]>([])
  /// The sender that saved settings bring, until the loop reaches their event and takes it.
  private let dispatcher = Mutex<LeadDispatcher?>(nil)

  /// Creates an empty inbox.
  init() {}

  /// Adds an event; callable from any thread or task.
  func post(_ event: ConsoleEvent) {
    events.withLock { $0.append(event) }
  }

  /// Adds the event of saved settings with the dispatcher that sends with them; the loop takes
  /// the dispatcher when it applies the event, so leads queued before it use the old one.
  func post(_ event: ConsoleEvent, replacingDispatcherWith replacement: LeadDispatcher) {
    dispatcher.withLock { $0 = replacement }
    post(event)
  }

  /// Takes the dispatcher the last settings event brought, if the loop has not taken it yet.
  func takeDispatcher() -> LeadDispatcher? {
    dispatcher.withLock { waiting in
      let taken = waiting
      waiting = nil
      return taken
    }
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
