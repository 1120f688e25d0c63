/// Why a lead was not sent when asked: its state as the log stood at that moment.
public enum DeliveryRefusal: Error, Equatable, Sendable {
  /// The CRM already took it.
  case accepted
  /// The operator closed it by hand.
  case done
  /// The CRM refused it with codes that sending again cannot fix.
  case rejected(codes: [Int])
  /// It may already be in the CRM; only the operator can ask for it again.
  case uncertain
  /// Another attempt, in the process `pid`, is under way.
  case inFlight(pid: Int32?)

  /// The reason a lead in `entry`'s state must not be sent now; nil when it may be.
  ///
  /// Rejections with 100 or 101 (key missing or wrong) are sendable, since a fixed key can
  /// change the answer; an uncertain lead only when `resendUncertain` says the operator asked.
  public static func reason(for entry: HistoryEntry, resendUncertain: Bool) -> DeliveryRefusal? {
    switch entry.state {
    case .queued, .notDelivered:
      return nil
    case .accepted:
      return .accepted
    case .done:
      return .done
    case .sending:
      return .inFlight(pid: entry.sendingPID)
    case .uncertain:
      return resendUncertain ? nil : .uncertain
    case .rejected:
      let codes = entry.lastOutcome?.errors.map(\.code) ?? []
      let keyProblem = !codes.isEmpty && codes.allSatisfy { $0 == 100 || $0 == 101 }
      return keyProblem ? nil : .rejected(codes: codes)
    }
  }
}

extension DeliveryRefusal {
  /// The state the log showed the lead in when it was refused.
  public var state: LeadState {
    switch self {
    case .accepted: .accepted
    case .done: .done
    case .rejected: .rejected
    case .uncertain: .uncertain
    case .inFlight: .sending
    }
  }
}

extension DeliveryRefusal: CustomStringConvertible {
  /// Why the lead was not sent, for the operator.
  public var description: String {
    switch self {
    case .accepted:
      "not sent again: the CRM has already accepted it"
    case .done:
      "not sent again: it was marked done"
    case .rejected(let codes):
      "not sent again: the CRM rejected it with error "
        + codes.map(String.init).joined(separator: ", ") + "; fix the lead and enter it anew"
    case .uncertain:
      "not sent again: the CRM may already have it; check the CRM, then resend or mark it done"
    case .inFlight(let pid):
      "not sent again: it is being sent right now"
        + (pid.map { " by process \($0)" } ?? "")
    }
  }
}
