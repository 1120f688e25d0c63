import Foundation

/// Finds a recent lead that reaches the same client, so one call does not become two deals.
///
/// The CRM has no idempotency key and does not merge leads itself: a lead typed twice (the
/// client called back, two operators took the same call) creates a second deal. Every state
/// counts, since a lead that is waiting, uncertain or rejected for its key may still reach
/// the CRM later.
public enum DuplicateCheck {
  /// How far back a lead counts as a duplicate: 24 hours.
  public static let window: TimeInterval = 24 * 60 * 60

  /// The phone's digits only, with an 11-digit number's leading Russian trunk `8` read as
  /// the country code `7`, so `8 912 345-67-89` and `+7 (912) 345-67-89` compare equal.
  public static func normalisedPhone(_ phone: String) -> String {
    var digits = String(phone.unicodeScalars.filter { ("0"..."9").contains($0) })
    if digits.count == 11, digits.first == "8" {
      digits.replaceSubrange(digits.startIndex...digits.startIndex, with: "7")
    }
    return digits
  }

  /// The e-mail trimmed of surrounding white space and lower-cased.
  public static func normalisedEmail(_ email: String) -> String {
    email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }

  /// The field by which two leads reach the same client: the phone first, then the e-mail;
  /// nil when neither matches. Empty values never match.
  public static func sharedContact(of lead: Lead, and other: Lead) -> BaseField? {
    let phone = normalisedPhone(lead.phone)
    if !phone.isEmpty, phone == normalisedPhone(other.phone) { return .phone }
    let email = normalisedEmail(lead.email)
    if !email.isEmpty, email == normalisedEmail(other.email) { return .email }
    return nil
  }

  /// The most recently queued entry, within `window` before `now`, that shares the lead's
  /// normalised phone or e-mail; nil when there is none.
  public static func match(
    for lead: Lead, in entries: [HistoryEntry], now: Date, window: TimeInterval = window
  ) -> HistoryEntry? {
    let since = now.addingTimeInterval(-window)
    var found: HistoryEntry?
    for entry in entries where entry.queuedAt > since {
      guard sharedContact(of: lead, and: entry.lead) != nil else { continue }
      if let best = found, best.queuedAt >= entry.queuedAt { continue }
      found = entry
    }
    return found
  }
}
