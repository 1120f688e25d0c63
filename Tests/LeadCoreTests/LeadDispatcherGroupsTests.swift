import Foundation
import Synchronization
import Testing

@testable import LeadCore

/// `LeadDispatcher.deliverInGroups(loading:...)`: a backlog sent as a pipeline of claimed groups.
@Suite("Lead dispatcher groups")
struct LeadDispatcherGroupsTests {
  private static let success = TransportResult.answered(
    status: 200, headers: [:], body: Array(#"{"result":"success"}"#.utf8), bodyOverflowed: false)

  /// A log holding `count` leads that failed once, told apart by their phones.
  private func backlog(_ log: HistoryLog, count: Int) throws -> [HistoryEntry] {
    var records: [HistoryRecord] = []
    for number in 0..<count {
      let id = LeadID(rawValue: String(format: "%012x", number + 1))
      let time = Date(timeIntervalSince1970: 1_790_000_000 + Double(number))
      records.append(
        .queued(
          id: id, time: time, lead: Lead(phone: "+7 900 \(number)"),
          endpoint: "http://127.0.0.1:9/api/site/", method: .post, operatorName: nil))
      records.append(.sending(id: id, time: time, attempt: 1, pid: nil))
      records.append(
        .outcome(
          id: id, time: time, attempt: 1,
          outcome: Outcome(kind: .notDelivered, reason: "not sent: connection refused")))
    }
    try log.append(contentsOf: records)
    return log.load().entries
  }

  private func dispatcher(_ log: HistoryLog, _ transport: FakeTransport) -> LeadDispatcher {
    let client = CRMClient(
      endpoint: "http://127.0.0.1:9/api/site/", key: APIKey("TESTKEY-0123456789abcdef"),
      transport: transport)
    return LeadDispatcher(log: log, client: client, operatorName: "Мария")
  }

  /// The phone a request carries.
  private static func phone(in request: HTTPRequest) -> String {
    let form = String(decoding: request.body, as: UTF8.self)
    let pair = form.split(separator: "&").first { $0.hasPrefix("phone=") } ?? ""
    return String(pair.dropFirst("phone=".count)).replacingOccurrences(of: "+", with: " ")
      .removingPercentEncoding ?? ""
  }

  /// Groups of `size` of `entries`, each read when its turn comes.
  private func groups(_ entries: [HistoryEntry], size: Int) -> [@Sendable () -> [HistoryEntry]] {
    stride(from: 0, to: entries.count, by: size).map { start in
      let group = Array(entries[start..<min(entries.count, start + size)])
      return { group }
    }
  }

  @Test(arguments: [1, 3, 8])
  func sendsEveryLeadOfABacklogExactlyOnceAfterItsClaimIsOnDisk(connections: Int) async throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    let entries = try backlog(log, count: 23)
    let byPhone = Dictionary(uniqueKeysWithValues: entries.map { ($0.lead.phone, $0.id) })
    let unclaimed = Mutex(0)
    let transport = FakeTransport { request in
      // What another reader of the log sees as the request goes out: the lead is claimed.
      let id = byPhone[Self.phone(in: request)]
      let state = HistoryLog(url: log.url).load().entries.first { $0.id == id }?.state
      if state != .sending { unclaimed.withLock { $0 += 1 } }
      return Self.success
    }
    var reported: [LeadID] = []

    let error = await dispatcher(log, transport).deliverInGroups(
      loading: groups(entries, size: 5), connections: connections, pause: { _ in nil },
      report: { entry, report in
        #expect(report.outcome.kind == .accepted)
        #expect(report.attempt == 2)
        reported.append(entry.id)
      })

    #expect(error == nil)
    let phones = transport.log.requests.map(Self.phone(in:))
    #expect(phones.count == entries.count)
    #expect(Set(phones) == Set(entries.map(\.lead.phone)))
    #expect(unclaimed.withLock { $0 } == 0)
    #expect(reported == entries.map(\.id))
    #expect(log.load().entries.allSatisfy { $0.state == .accepted })
  }

  @Test func leavesLeadsThatAreNoLongerDueUnsent() async throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    let entries = try backlog(log, count: 6)
    // Another process got the fourth lead accepted after the list was made.
    try log.append(
      .outcome(
        id: entries[3].id, time: Date(), attempt: 1,
        outcome: Outcome(kind: .accepted, httpStatus: 200, reason: "HTTP 200")))
    let transport = FakeTransport { _ in Self.success }
    var refusals: [LeadID] = []

    let error = await dispatcher(log, transport).deliverInGroups(
      loading: groups(entries, size: 2), connections: 2, pause: { _ in nil },
      report: { entry, report in
        if report.refusal != nil { refusals.append(entry.id) }
      })

    #expect(error == nil)
    #expect(transport.log.requests.count == 5)
    #expect(refusals == [entries[3].id])
  }

  @Test func claimsNoGroupAheadWhileTheCRMAsksForPauses() async throws {
    let directory = try TemporaryDirectory()
    let log = HistoryLog(url: directory.file("history.jsonl"))
    let entries = try backlog(log, count: 6)
    let byPhone = Dictionary(uniqueKeysWithValues: entries.map { ($0.lead.phone, $0.id) })
    let claimedAhead = Mutex<[LeadID]>([])
    let transport = FakeTransport { request in
      // Each request of the second group looks at the third group: it must not be claimed.
      if let id = byPhone[Self.phone(in: request)], entries[2..<4].contains(where: { $0.id == id })
      {
        let later = HistoryLog(url: log.url).load().entries.filter { entry in
          entries[4...].contains { $0.id == entry.id } && entry.state == .sending
        }
        claimedAhead.withLock { $0 += later.map(\.id) }
      }
      return .answered(
        status: 429, headers: ["retry-after": "1"], body: [], bodyOverflowed: false)
    }
    var pauses = 0

    let error = await dispatcher(log, transport).deliverInGroups(
      loading: groups(entries, size: 2), connections: 2,
      pause: { outcome in
        pauses += 1
        return RetryPlan.retryAfter(in: outcome).map { _ in 0.01 }
      },
      report: { _, _ in })

    #expect(error == nil)
    #expect(pauses == 6)
    #expect(transport.log.requests.count == 6)
    #expect(claimedAhead.withLock { $0 }.isEmpty)
  }

  @Test func stopsWhenTheLogFailsAndGivesBackTheGroupClaimedAhead() async throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("history.jsonl")
    let entries = try backlog(HistoryLog(url: url), count: 6)
    // The third write fails: the first group's claim and the second's went through, the
    // first group's outcomes do not.
    let writes = Mutex(0)
    var seams = HistoryLogSeams.system
    seams.write = { fd, bytes, count in
      let number = writes.withLock { count in
        count += 1
        return count
      }
      guard number != 3 else {
        errno = EIO
        return -1
      }
      return HistoryLogSeams.system.write(fd, bytes, count)
    }
    let log = HistoryLog(url: url, seams: seams)
    let transport = FakeTransport { _ in Self.success }
    var reports: [(LeadID, DeliveryReport)] = []

    let error = await dispatcher(log, transport).deliverInGroups(
      loading: groups(entries, size: 2), connections: 2, pause: { _ in nil },
      report: { entry, report in
        reports.append((entry.id, report))
      })

    #expect(error != nil)
    // Only the first group went out; the second was claimed but is not sent.
    #expect(
      Set(transport.log.requests.map(Self.phone(in:))) == Set(entries[..<2].map(\.lead.phone)))
    #expect(reports.map(\.0) == entries[..<4].map(\.id))
    #expect(reports.allSatisfy { $0.1.historyError != nil })
    let states = HistoryLog(url: url).load().entries.map(\.state)
    // The first group's outcomes are lost with the write: sending, read as interrupted once
    // this process is gone. The second group was given back as not delivered; the third
    // never claimed.
    #expect(states[2...] == [.notDelivered, .notDelivered, .notDelivered, .notDelivered])
    let given = HistoryLog(url: url).load().entries[2]
    #expect(given.lastOutcome?.reason.hasPrefix("not sent:") == true)
    #expect(given.attempts.count == 2)
  }
}
