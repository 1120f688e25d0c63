import Foundation
import Testing

@testable import LeadCore

@Suite("Resend schedule")
struct ResendScheduleTests {
  private let start = Date(timeIntervalSince1970: 1_714_557_600)
  private let fixed: @Sendable () -> UInt64 = { 0x1234_5678_9abc_def0 }

  private func entry(
    _ name: String, state: LeadState = .notDelivered, attempts: Int = 1,
    finishedAfter offset: TimeInterval = 0, outcome: Outcome? = nil
  ) -> HistoryEntry {
    var entry = HistoryEntry(
      id: LeadID(rawValue: name), queuedAt: start, lead: Lead(phone: "89121234567"),
      endpoint: "http://127.0.0.1:1/api/site/", method: .post, state: state,
      attempts: (0..<attempts).map {
        AttemptRecord(number: $0 + 1, startedAt: start, finishedAt: start + offset)
      })
    entry.lastOutcome = outcome ?? Outcome(kind: .notDelivered, httpStatus: 503, reason: "503")
    return entry
  }

  @Test(
    "the wait ceiling doubles per attempt from the base and stops at the cap",
    arguments: [(1, 2.0), (2, 4), (3, 8), (5, 32), (8, 256), (9, 300), (40, 300)])
  func ceilings(attempts: Int, ceiling: Double) {
    #expect(ResendSchedule(random: fixed).ceiling(afterAttempts: attempts) == ceiling)
  }

  @Test(
    "only a not-delivered lead with attempts left, or a queued one never sent, gets a time",
    arguments: [
      (LeadState.notDelivered, 1, true), (.notDelivered, 4, true), (.notDelivered, 5, false),
      (.uncertain, 1, false), (.rejected, 1, false), (.accepted, 1, false), (.done, 1, false),
      (.sending, 1, false), (.queued, 0, true),
    ])
  func scheduled(state: LeadState, attempts: Int, scheduled: Bool) {
    let schedule = ResendSchedule(maxAttempts: 5, random: fixed)
    let time = schedule.nextAttempt(for: entry("x", state: state, attempts: attempts), now: start)
    #expect((time != nil) == scheduled)
  }

  @Test(
    "the next attempt falls within the jittered window after the latest attempt",
    arguments: [1, 2, 3, 4])
  func jitteredWindow(attempts: Int) throws {
    let schedule = ResendSchedule(random: fixed)
    let lead = entry("lead-\(attempts)", attempts: attempts, finishedAfter: 10)
    let time = try #require(schedule.nextAttempt(for: lead, now: start))
    let wait = time.timeIntervalSince(start + 10)
    #expect(wait >= 0 && wait < schedule.ceiling(afterAttempts: attempts))
  }

  @Test func aFixedRandomSourceGivesTheSameTimeEveryTimeAndOtherSourcesSpreadIt() {
    let lead = entry("same", attempts: 3)
    let first = ResendSchedule(random: fixed).nextAttempt(for: lead, now: start)
    let again = ResendSchedule(random: fixed).nextAttempt(for: lead, now: start + 100)
    #expect(first == again)
    let times = Set(
      (0..<8).map { seed in
        ResendSchedule(random: { UInt64(seed) &* 0x9e37_79b9 }).nextAttempt(for: lead, now: start)
      })
    #expect(times.count > 1)
  }

  @Test func aRetryAfterInTheLatestOutcomeIsAFloor() throws {
    let busy = Outcome(kind: .notDelivered, httpStatus: 429, reason: "HTTP 429, retry after 45")
    let lead = entry("busy", attempts: 1, finishedAfter: 5, outcome: busy)
    let time = try #require(ResendSchedule(random: fixed).nextAttempt(for: lead, now: start))
    #expect(time >= start + 50)
    #expect(time < start + 50.001)
  }

  @Test func nothingIsDueBeforeTheMinimumSpacingSinceTheLastRequest() {
    let schedule = ResendSchedule(minimumSpacing: 1, random: fixed)
    let leads = [entry("a")]
    let now = start + 400
    #expect(schedule.due(leads, now: now, lastRequest: now - 0.5) == nil)
    #expect(schedule.due(leads, now: now, lastRequest: now - 1)?.id.rawValue == "a")
    #expect(schedule.due(leads, now: now, lastRequest: nil)?.id.rawValue == "a")
  }

  @Test func theLeadLongestDueIsPickedAndUncertainOnesNever() {
    let schedule = ResendSchedule(random: fixed)
    let leads = [
      entry("sure", state: .uncertain, finishedAfter: -1_000),
      entry("late", attempts: 1, finishedAfter: 100),
      entry("early", attempts: 1, finishedAfter: 0),
      entry("spent", attempts: 5, finishedAfter: -1_000),
    ]
    #expect(schedule.due(leads, now: start + 1_000, lastRequest: nil)?.id.rawValue == "early")
    #expect(schedule.due(leads, now: start - 1, lastRequest: nil) == nil)
    #expect(schedule.due([leads[0], leads[3]], now: start + 1_000, lastRequest: nil) == nil)
  }

  @Test func aLeadLeftQueuedIsDueOnceTheGraceHasPassed() throws {
    let schedule = ResendSchedule(random: fixed)
    let queued = entry("left", state: .queued, attempts: 0)
    let at = try #require(schedule.nextAttempt(for: queued, now: start))
    #expect(at == start + RetryPlan.queuedGrace)
    #expect(schedule.due([queued], now: start + RetryPlan.queuedGrace - 1, lastRequest: nil) == nil)
    #expect(
      schedule.due([queued], now: start + RetryPlan.queuedGrace, lastRequest: nil)?.id
        == queued.id)
  }
}
