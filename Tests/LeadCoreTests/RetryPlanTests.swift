import Foundation
import Testing

@testable import LeadCore

@Suite("Retry plan")
struct RetryPlanTests {
  private let start = Date(timeIntervalSince1970: 1_714_557_600)

  private func entry(
    _ name: String, state: LeadState, attempts: Int, queuedAfter offset: TimeInterval = 0
  ) -> HistoryEntry {
    HistoryEntry(
      id: LeadID(rawValue: name), queuedAt: start + offset, lead: Lead(phone: "89121234567"),
      endpoint: "http://127.0.0.1:1/api/site/", method: .post, state: state,
      attempts: (0..<attempts).map { AttemptRecord(number: $0 + 1) })
  }

  @Test(
    "only a not-delivered lead with attempts left, or one left queued past the grace, is due",
    arguments: [
      (LeadState.notDelivered, 1, true), (.notDelivered, 4, true), (.notDelivered, 5, false),
      (.uncertain, 1, false), (.accepted, 1, false), (.rejected, 1, false), (.sending, 1, false),
      (.done, 1, false), (.queued, 0, true),
    ])
  func dueness(state: LeadState, attempts: Int, due: Bool) {
    let plan = RetryPlan(maxAttempts: 5)
    let now = start + RetryPlan.queuedGrace
    #expect(plan.isDue(entry("x", state: state, attempts: attempts), now: now) == due)
  }

  @Test func aLeadQueuedMomentsAgoIsLeftToTheProcessSendingIt() {
    let plan = RetryPlan()
    let fresh = entry("fresh", state: .queued, attempts: 0)
    #expect(!plan.isDue(fresh, now: start + RetryPlan.queuedGrace - 1))
    #expect(plan.isDue(fresh, now: start + RetryPlan.queuedGrace))
  }

  @Test func dueLeadsComeOldestFirst() {
    let snapshot = HistorySnapshot(entries: [
      entry("new", state: .notDelivered, attempts: 1, queuedAfter: 20),
      entry("sure", state: .uncertain, attempts: 1, queuedAfter: 10),
      entry("old", state: .notDelivered, attempts: 1, queuedAfter: 0),
    ])
    #expect(RetryPlan().due(in: snapshot, now: start).map(\.id.rawValue) == ["old", "new"])
  }

  @Test func rateSpacesRequestsFromThePreviousStart() {
    let plan = RetryPlan(rate: 2)
    let pause = plan.pause(
      now: start + 0.1, previousRequestAt: start, previousOutcome: nil, previousOutcomeAt: nil)
    #expect(abs(pause - 0.4) < 0.000_1)
    #expect(
      plan.pause(
        now: start, previousRequestAt: nil, previousOutcome: nil,
        previousOutcomeAt: nil) == 0)
  }

  @Test func retryAfterOfA429OutlastsTheRate() {
    let outcome = Outcome(
      kind: .notDelivered, httpStatus: 429, reason: "HTTP 429: too many requests, retry after 12")
    let pause = RetryPlan(rate: 1).pause(
      now: start + 2, previousRequestAt: start, previousOutcome: outcome,
      previousOutcomeAt: start + 1)
    #expect(abs(pause - 11) < 0.000_1)
  }

  @Test(
    "Retry-After is read from a 429 reason only, and capped",
    arguments: [
      (429, "HTTP 429: too many requests, retry after 7", 7.0 as Double?),
      (429, "HTTP 429: too many requests, retry after 86400", RetryPlan.longestRetryAfter),
      (429, "HTTP 429: too many requests", nil),
      (429, "HTTP 429: too many requests, retry after Wed, 21 Oct 2015", nil),
      (502, "HTTP 502: bad gateway, retry after 7", nil),
    ])
  func retryAfterParsing(status: Int, reason: String, expected: Double?) {
    let outcome = Outcome(kind: .notDelivered, httpStatus: status, reason: reason)
    #expect(RetryPlan.retryAfter(in: outcome) == expected)
  }
}
