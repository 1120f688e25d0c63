import Foundation
import LeadCore

/// How the console names a lead and words an outcome, on the status line and in the history.
public enum LeadText {
  /// The name as typed: first and last name, whichever are given.
  public static func name(of lead: Lead) -> String {
    [lead.firstName, lead.lastName].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// How to reach the client: the phone, else the e-mail.
  public static func contact(of lead: Lead) -> String {
    lead.phone.isEmpty ? lead.email : lead.phone
  }

  /// The lead as the status line names it: `Иван Петров (+7 912 345-67-89)`.
  public static func label(of lead: Lead) -> String {
    let name = name(of: lead)
    let contact = contact(of: lead)
    if name.isEmpty { return contact.isEmpty ? "the lead" : contact }
    return contact.isEmpty ? name : "\(name) (\(contact))"
  }

  /// The outcome after the lead's label: `accepted`, `rejected — 101 API key is wrong`, ...
  public static func describe(_ outcome: Outcome) -> String {
    let reason = outcome.reason
    switch outcome.kind {
    case .accepted:
      return "accepted"
    case .rejected:
      let codes = outcome.errors.map { "\($0.code) \($0.message)" }.joined(separator: ", ")
      return joined("rejected", codes.isEmpty ? reason : codes)
    case .notDelivered:
      return joined("not delivered", reason) + ", will stay queued"
    case .uncertain:
      return joined("uncertain", reason) + "; check the CRM before resending"
    }
  }

  /// The role an outcome is drawn in.
  public static func role(of kind: OutcomeKind) -> StyleRole {
    switch kind {
    case .accepted: .ok
    case .rejected: .error
    case .notDelivered, .uncertain: .warning
    }
  }

  /// `word — detail`, or the word alone when there is no detail.
  private static func joined(_ word: String, _ detail: String) -> String {
    let trimmed = detail.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? word : "\(word) — \(trimmed)"
  }
}
