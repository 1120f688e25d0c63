import Foundation
import LeadSandbox
import Testing

@testable import LeadCore

/// `CurlTransport.performAll`: a batch on a thread per connection, against the sandbox.
@Suite("Curl transport batches")
struct CurlTransportBatchTests {
  let timeouts = Timeouts(connect: 2, total: 10)

  /// A lead's pairs told apart by their phone.
  private func pairs(number: Int, key: String = SandboxFixture.key) -> [FormPair] {
    [FormPair(name: "key", value: key), FormPair(name: "phone", value: "+7 900 \(number)")]
  }

  @Test(
    "every request of a batch reaches the server exactly once",
    arguments: [(1, false), (3, false), (8, true), (64, true)])
  func deliversEveryRequestOnce(connections: Int, reusing: Bool) async throws {
    let sandbox = try SandboxFixture()
    let transport = CurlTransport(reusesConnections: reusing)
    let requests = (0..<40).map { sandbox.post(pairs(number: $0)) }

    let results = await transport.performAll(
      requests, timeouts: timeouts, connections: connections)

    #expect(results.count == requests.count)
    #expect(results.allSatisfy { $0.answeredText == #"{"result":"success"}"# })
    let phones = sandbox.server.records.compactMap { record in
      record.fields.first { $0.name == "phone" }?.value
    }
    #expect(phones.count == requests.count)
    #expect(Set(phones) == Set((0..<40).map { "+7 900 \($0)" }))
  }

  @Test func answersInTheOrderOfTheRequests() async throws {
    let sandbox = try SandboxFixture()
    // Every third request carries a wrong key, which the sandbox rejects with its own answer.
    let requests = (0..<30).map { number in
      sandbox.post(
        pairs(number: number, key: number % 3 == 0 ? "WRONG-KEY-0000" : SandboxFixture.key))
    }

    let results = await CurlTransport().performAll(requests, timeouts: timeouts, connections: 4)

    for (number, result) in results.enumerated() {
      let accepted = result.answeredText == #"{"result":"success"}"#
      #expect(accepted == (number % 3 != 0), "request \(number): \(result)")
    }
  }

  @Test func anEmptyBatchSendsNothing() async throws {
    let sandbox = try SandboxFixture()

    let results = await CurlTransport().performAll([], timeouts: timeouts, connections: 8)

    #expect(results.isEmpty)
    #expect(sandbox.server.records.isEmpty)
  }

  @Test func reportsARefusedConnectionForEachRequestAsNotSent() async throws {
    let port = try closedLoopbackPort()
    let requests = (0..<5).map { _ in
      HTTPRequest(method: .post, url: "http://127.0.0.1:\(port)/api/site/", body: Array("a=1".utf8))
    }

    let results = await CurlTransport(reusesConnections: true).performAll(
      requests, timeouts: Timeouts(connect: 20, total: 30), connections: 2)

    #expect(results.count == 5)
    for result in results {
      #expect(result.failedSent == false)
      #expect(result.failedReason.hasPrefix("connection refused ("))
    }
  }

  @Test func givesEachRequestOfABatchItsOwnDeadline() async throws {
    let sandbox = try SandboxFixture(fault: .hang)
    let requests = (0..<3).map { sandbox.post(pairs(number: $0)) }

    let results = await CurlTransport(reusesConnections: true).performAll(
      requests, timeouts: Timeouts(connect: 1, total: 1), connections: 2)

    #expect(results.count == 3)
    for result in results {
      #expect(result.failedSent == true)
      #expect(result.failedReason.hasPrefix("no complete answer within 1 s"))
    }
    #expect(sandbox.server.records.count == 3)
  }

  @Test func abortsTheWholeBatchWhenTheCallingTaskIsCancelled() async throws {
    let sandbox = try SandboxFixture(fault: .hang)
    let requests = (0..<4).map { sandbox.post(pairs(number: $0)) }
    let sending = Task {
      await CurlTransport().performAll(
        requests, timeouts: Timeouts(connect: 1, total: 60), connections: 2)
    }

    let arrived = await sandbox.server.waitForRecords(count: 2, timeout: 10)
    sending.cancel()
    let results = await sending.value

    #expect(arrived.count == 2)
    #expect(results.count == 4)
    #expect(results.allSatisfy { $0.failedReason.contains("cancelled") })
    // The two requests not yet started when the task was cancelled never went out.
    #expect(results.filter { $0.failedSent == false }.count == 2)
    #expect(sandbox.server.records.count == 2)
  }
}
