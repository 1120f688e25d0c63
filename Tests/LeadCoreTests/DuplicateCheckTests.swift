import Foundation
import LeadCore
import Testing

@Suite("Duplicate check")
struct DuplicateCheckTests {
  private let now = Date(timeIntervalSince1970: 1_714_557_600)

  private func entry(
    _ id: String, phone: String = "", email: String = "", hoursAgo: Double = 1,
    state: LeadState = .accepted
  ) -> HistoryEntry {
    HistoryEntry(
      id: LeadID(rawValue: id), queuedAt: now.addingTimeInterval(-hoursAgo * 3600),
      lead: Lead(firstName: "Иван", lastName: "Петров", phone: phone, email: email),
      endpoint: "http://127.0.0.1:8080/api/site/", method: .post, state: state)
  }

  @Test(arguments: [
    ("8 912 345-67-89", "79123456789"),
    ("+7 (912) 345-67-89", "79123456789"),
    ("8-800-555-35-35", "78005553535"),
    ("89123456789", "79123456789"),
    ("8 912 345", "8912345"),
    ("+44 20 7946 0958", "442079460958"),
    ("812 345-67-89", "8123456789"),
    ("", ""),
    ("нет", ""),
  ])
  func normalisesPhoneToDigitsWithRussianTrunkEightAsSeven(phone: String, expected: String) {
    #expect(DuplicateCheck.normalisedPhone(phone) == expected)
  }

  @Test(arguments: [
    (" Ivan@Example.RU ", "ivan@example.ru"),
    ("ИВАН@ПОЧТА.РФ", "иван@почта.рф"),
    ("   ", ""),
  ])
  func normalisesEmailTrimmedAndLowerCased(email: String, expected: String) {
    #expect(DuplicateCheck.normalisedEmail(email) == expected)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var phone = ""
    var email = ""
    var earlier: [(phone: String, email: String, hoursAgo: Double)]
    var expected: Int?
    var testDescription: String { name }
  }

  @Test(arguments: [
    Case(
      name: "8 and +7 forms of one number", phone: "8 912 345-67-89",
      earlier: [("+7 (912) 345-67-89", "", 1)], expected: 0),
    Case(
      name: "different numbers", phone: "8 912 345-67-89",
      earlier: [("+7 (912) 345-67-80", "", 1)], expected: nil),
    Case(
      name: "older than 24 hours", phone: "8 912 345-67-89",
      earlier: [("+7 (912) 345-67-89", "", 24.01)], expected: nil),
    Case(
      name: "just inside 24 hours", phone: "+79123456789",
      earlier: [("89123456789", "", 23.99)], expected: 0),
    Case(
      name: "e-mail in another case", email: "Ivan@Example.ru",
      earlier: [("", " ivan@example.RU", 2)], expected: 0),
    Case(
      name: "empty phones and e-mails never match", phone: "", email: "a@b.ru",
      earlier: [("", "", 1), ("+7 912 345-67-89", "", 1)], expected: nil),
    Case(
      name: "e-mail matches though the phones differ", phone: "+7 912 000-00-00",
      email: "a@b.ru", earlier: [("+7 912 345-67-89", "A@B.RU", 3)], expected: 0),
    Case(
      name: "the most recent of several", phone: "8 912 345-67-89",
      earlier: [("+7 912 345-67-89", "", 5), ("+7 912 345-67-89", "", 2), ("", "", 1)],
      expected: 1),
  ])
  func findsTheMostRecentEntryWithTheSameContactWithin24Hours(_ example: Case) {
    let entries = example.earlier.enumerated().map { index, earlier in
      entry("e\(index)", phone: earlier.phone, email: earlier.email, hoursAgo: earlier.hoursAgo)
    }
    let lead = Lead(phone: example.phone, email: example.email)

    let found = DuplicateCheck.match(for: lead, in: entries, now: now)

    #expect(found?.id == example.expected.map { LeadID(rawValue: "e\($0)") })
  }

  @Test func countsLeadsInEveryStateSinceAnyMayStillReachTheCRM() {
    for state in LeadState.allCases {
      let earlier = entry("e1", phone: "+7 912 345-67-89", state: state)
      let found = DuplicateCheck.match(
        for: Lead(phone: "89123456789"), in: [earlier], now: now)
      #expect(found?.id == earlier.id, "state \(state)")
    }
  }

  @Test func namesThePhoneBeforeTheEmailAsTheSharedContact() {
    let lead = Lead(phone: "8 912 345-67-89", email: "a@b.ru")

    #expect(
      DuplicateCheck.sharedContact(of: lead, and: Lead(phone: "+79123456789", email: "a@b.ru"))
        == .phone)
    #expect(DuplicateCheck.sharedContact(of: lead, and: Lead(email: "A@B.ru")) == .email)
    #expect(DuplicateCheck.sharedContact(of: lead, and: Lead(phone: "+79123456780")) == nil)
  }
}
