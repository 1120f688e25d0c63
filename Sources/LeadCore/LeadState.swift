/// Where a lead stands: the fold of its history records.
public enum LeadState: String, Codable, Sendable, CaseIterable {
  /// Written to the log; no attempt started yet.
  case queued
  /// An attempt is under way (or was, when the program stopped during it).
  case sending
  /// The CRM took the lead.
  case accepted
  /// The CRM refused the lead with error codes.
  case rejected
  /// The CRM certainly did not get the lead; it waits to be sent again.
  case notDelivered = "not_delivered"
  /// The CRM may or may not have the lead.
  case uncertain
  /// The operator closed the lead by hand (after checking the CRM); final, never sent again.
  case done

  /// The state an attempt with this outcome leaves the lead in.
  public init(_ kind: OutcomeKind) {
    switch kind {
    case .accepted: self = .accepted
    case .rejected: self = .rejected
    case .notDelivered: self = .notDelivered
    case .uncertain: self = .uncertain
    }
  }
}
