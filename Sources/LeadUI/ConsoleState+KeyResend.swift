import LeadCore

extension ConsoleState {
  /// The leads in the history the CRM refused only for the key (codes 100 and 101): a new
  /// key can change their answer, so they may be sent again.
  var keyRefusedLeads: [LeadID] {
    history.filter { entry in
      entry.state == .rejected
        && DeliveryRefusal.reason(for: entry, resendUncertain: false) == nil
    }.map(\.id)
  }

  /// After new settings, asks once whether to resend every lead refused for the key; the
  /// question comes first on the status line, what was saved after it.
  mutating func askToResendKeyRefusals(after saved: String) {
    let ids = keyRefusedLeads
    guard !ids.isEmpty else {
      pendingKeyResend = []
      return
    }
    pendingKeyResend = ids
    let count = text(.leads, count: ids.count)
    status = StatusMessage(text(.keyResendQuestion, count, saved), role: .warning)
  }

  /// The operator's answer to the resend question: F2 resends every lead it named and is
  /// consumed; any other key leaves them, answers nil and then does what it always does.
  mutating func answerKeyResend(_ key: Key) -> [Effect]? {
    let ids = pendingKeyResend
    pendingKeyResend = []
    let count = text(.leads, count: ids.count)
    guard key == .function(2) else {
      status = StatusMessage(text(.keyResendLeft, count))
      return nil
    }
    status = StatusMessage(text(.keyResending, count))
    return ids.map(Effect.resend)
  }
}
