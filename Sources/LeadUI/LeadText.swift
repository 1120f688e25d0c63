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

  /// The lead as the status line names it: `Иван Петров (+7 912 345-67-89)`; a lead with
  /// neither name nor contact is `the lead` in `language`.
  public static func label(of lead: Lead, in language: InterfaceLanguage = .english) -> String {
    let name = name(of: lead)
    let contact = contact(of: lead)
    if name.isEmpty { return contact.isEmpty ? language.text(.theLead) : contact }
    return contact.isEmpty ? name : "\(name) (\(contact))"
  }

  /// The outcome after the lead's label: `accepted`, `rejected — 101 API key is wrong`, ...,
  /// in `language`. The reason of an outcome without CRM codes comes from the client core and
  /// is shown as it gave it.
  public static func describe(_ outcome: Outcome, in language: InterfaceLanguage = .english)
    -> String
  {
    let reason = outcome.reason
    let word = HistoryRow.word(for: LeadState(outcome.kind), in: language)
    switch outcome.kind {
    case .accepted:
      return word
    case .rejected:
      let codes = outcome.errors.map { "\($0.code) \($0.message(in: language))" }
        .joined(separator: ", ")
      return joined(word, codes.isEmpty ? reason : codes)
    case .notDelivered:
      return joined(word, reason) + language.text(.outcomeStaysQueued)
    case .uncertain:
      return joined(word, reason) + language.text(.outcomeCheckCRM)
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

extension CRMErrorCode {
  /// What the code means in `language`, for the screen; `message` keeps the English words
  /// the command line and the history log use.
  public func message(in language: InterfaceLanguage) -> String {
    switch code {
    case 100: language.text(.crmError100)
    case 101: language.text(.crmError101)
    case 102: language.text(.crmError102)
    default: language.text(.crmErrorOther, String(code))
    }
  }
}
