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

  /// The filter after this one, back to `all` after the last.
  public var next: HistoryStateFilter {
    let all = Self.allCases
    let index = all.firstIndex(of: self) ?? 0
    return all[(index + 1) % all.count]
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

/// Text matching for the history pane's filter: names, phones and e-mails, as operators
/// type them.
public enum HistoryTextMatch {
  /// Lower-cased, with `ё` read as `е`, so either spelling of a Russian name finds both.
  public static func folded(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "ё", with: "е")
  }

  /// Whether the lead matches the typed filter: its folded text is part of the name, the phone
  /// or the e-mail, or its digits are part of the phone's digits however either was written
  /// (`8 912…` and `+7 912…` alike). An empty filter matches every lead.
  public static func matches(_ lead: Lead, filter: String) -> Bool {
    let query = folded(filter.trimmingCharacters(in: .whitespaces))
    guard !query.isEmpty else { return true }
    let name = folded("\(lead.firstName) \(lead.lastName)")
    let reversed = folded("\(lead.lastName) \(lead.firstName)")
    if name.contains(query) || reversed.contains(query) { return true }
    if folded(lead.email).contains(query) || folded(lead.phone).contains(query) { return true }
    return phoneMatches(lead.phone, query: query)
  }

  /// Digits typed in any format against a phone in any format; only a query that looks like a
  /// phone (digits with spaces, `+`, `-`, brackets) counts, so `ivan2` does not match by `2`.
  static func phoneMatches(_ phone: String, query: String) -> Bool {
    let phoneLike = query.unicodeScalars.allSatisfy {
      " +-()0123456789".unicodeScalars.contains($0)
    }
    let digits = DuplicateCheck.normalisedPhone(query)
    guard phoneLike, !digits.isEmpty else { return false }
    let stored = DuplicateCheck.normalisedPhone(phone)
    if stored.contains(digits) { return true }
    // A partial number typed with the Russian trunk 8 (`8 912`) is the stored `7 912…`.
    if digits.first == "8", stored.first == "7" {
      return stored.hasPrefix("7" + digits.dropFirst())
    }
    return false
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

  /// Counts the entries queued on the same calendar day as `now` in `timeZone`.
  public init(today entries: [HistoryEntry], now: Date, timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    for entry in entries where calendar.isDate(entry.queuedAt, inSameDayAs: now) {
      switch entry.state {
      case .accepted: accepted += 1
      case .queued, .sending, .notDelivered: waiting += 1
      case .uncertain: uncertain += 1
      case .rejected: rejected += 1
      case .done: break
      }
    }
  }

  /// The header line's text.
  public var text: String {
    "Today: \(accepted) accepted · \(waiting) waiting · \(uncertain) uncertain · "
      + "\(rejected) rejected"
  }
}
