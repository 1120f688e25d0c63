import Foundation
import LeadCore

/// Which states the history pane shows; F5 (or Tab) steps through them in this order.
public enum HistoryStateFilter: String, Sendable, Equatable, CaseIterable {
  /// Every lead.
  case all
  /// Leads still to be sent: queued, sending or not delivered.
  case waiting
  /// Leads the CRM may or may not have.
  case uncertain
  /// Leads the CRM refused.
  case rejected
  /// Leads the CRM took.
  case accepted
  /// Leads the operator closed by hand.
  case done

  /// The filter's name in `language`, as the history pane shows it.
  public func name(in language: InterfaceLanguage) -> String {
    switch self {
    case .all: language.text(.filterAll)
    case .waiting: language.text(.filterWaiting)
    case .uncertain: language.text(.filterUncertain)
    case .rejected: language.text(.filterRejected)
    case .accepted: language.text(.filterAccepted)
    case .done: language.text(.filterDone)
    }
  }

  /// The filter after this one, back to `all` after the last.
  public var next: HistoryStateFilter {
    let all = Self.allCases
    let index = all.firstIndex(of: self) ?? 0
    return all[(index + 1) % all.count]
  }

  /// The states that pass the filter.
  public var states: Set<LeadState> {
    Set(LeadState.allCases.filter(admits))
  }

  /// Whether a lead in `state` passes the filter.
  public func admits(_ state: LeadState) -> Bool {
    switch self {
    case .all: true
    case .waiting: state == .queued || state == .sending || state == .notDelivered
    case .uncertain: state == .uncertain
    case .rejected: state == .rejected
    case .accepted: state == .accepted
    case .done: state == .done
    }
  }
}

/// How many of today's leads stand where, for the history pane's header.
public struct HistoryCounts: Sendable, Equatable {
  /// Taken by the CRM.
  public var accepted = 0
  /// Queued, sending or not delivered.
  public var waiting = 0
  /// The CRM may or may not have them.
  public var uncertain = 0
  /// Refused by the CRM.
  public var rejected = 0

  /// Creates counts.
  public init(accepted: Int = 0, waiting: Int = 0, uncertain: Int = 0, rejected: Int = 0) {
    self.accepted = accepted
    self.waiting = waiting
    self.uncertain = uncertain
    self.rejected = rejected
  }

  /// Sums counts by state into the header's four.
  public init(_ counts: [LeadState: Int]) {
    accepted = counts[.accepted, default: 0]
    waiting =
      counts[.queued, default: 0] + counts[.sending, default: 0]
      + counts[.notDelivered, default: 0]
    uncertain = counts[.uncertain, default: 0]
    rejected = counts[.rejected, default: 0]
  }

  /// The header line's text, in English.
  public var text: String { text(in: .english) }

  /// The header line's text in `language`.
  public func text(in language: InterfaceLanguage) -> String {
    language.text(
      .todayCounts, String(accepted), String(waiting), String(uncertain), String(rejected))
  }
}
