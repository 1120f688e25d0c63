import Foundation
import LeadSandbox
import Testing

@testable import LeadCore

@Suite("Curl transport against a misbehaving sandbox")
struct CurlTransportFaultTests {
  let transport = CurlTransport()
  let timeouts = Timeouts(connect: 2, total: 10)

  @Test(
    "returns an error page's status, type and body",
    arguments: [
      (SandboxFault.html502, 502, "502 Bad Gateway"), (.html500, 500, "500 Internal Server Error"),
      (.html403, 403, "403 Forbidden"), (.unavailable, 503, "503 Service Temporarily Unavailable"),
    ])
  func returnsErrorPages(fault: SandboxFault, status: Int, title: String) async throws {
    let sandbox = try SandboxFixture(fault: fault)

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    #expect(result.answeredStatus == status)
    #expect(result.answeredHeaders["content-type"] == "text/html")
    #expect(result.answeredText?.contains("<title>\(title)</title>") == true)
    #expect(sandbox.server.records.count == 1)
  }

  @Test func returnsAnEmptyBodyAsAnAnswer() async throws {
    let sandbox = try SandboxFixture(fault: .empty200)

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    #expect(
      result
        == .answered(
          status: 200, headers: result.answeredHeaders, body: [], bodyOverflowed: false))
  }

  @Test func returnsTooManyRequestsWithRetryAfter() async throws {
    let sandbox = try SandboxFixture(fault: .tooManyRequests(retryAfter: 7))

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    #expect(result.answeredStatus == 429)
    #expect(result.answeredHeaders["retry-after"] == "7")
  }

  @Test func returnsARedirectWithoutFollowingIt() async throws {
    let sandbox = try SandboxFixture(fault: .redirect)

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    #expect(result.answeredStatus == 302)
    #expect(
      result.answeredHeaders["location"] == "http://127.0.0.1:\(sandbox.port)/redirected/api/site/")
    #expect(sandbox.server.records.count == 1)
  }

  @Test func reportsAnAnswerCutMidwayAsSentButFailed() async throws {
    let sandbox = try SandboxFixture(fault: .truncated)

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    #expect(result.failedSent == true)
    #expect(result.failedReason.hasPrefix("the answer was cut short"))
    #expect(sandbox.server.records.first?.answer == #"{"result":"#)
  }

  @Test func reportsADroppedConnectionAsSentButFailed() async throws {
    let sandbox = try SandboxFixture(fault: .reset)

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    #expect(result.failedSent == true)
    #expect(result.failedReason.hasPrefix("the connection closed without an answer"))
    #expect(sandbox.server.records.first?.status == nil)
  }

  @Test func waitsForASlowAnswerWithinTheDeadline() async throws {
    let sandbox = try SandboxFixture(fault: .slow(seconds: 0.4))

    let (result, seconds) = await measureSeconds {
      await transport.perform(sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)
    }

    #expect(result.answeredText == #"{"result":"success"}"#)
    #expect(seconds >= 0.35)
  }

  @Test func givesUpOnAHangingServerAtTheDeadline() async throws {
    let sandbox = try SandboxFixture(fault: .hang)

    let (result, seconds) = await measureSeconds {
      await transport.perform(
        sandbox.post(SandboxFixture.leadPairs()), timeouts: Timeouts(connect: 1, total: 1))
    }

    #expect(result.failedSent == true)
    #expect(result.failedReason.hasPrefix("no complete answer within 1 s"))
    #expect(seconds >= 0.9 && seconds < 25)
    #expect(sandbox.server.records.count == 1)
  }

  @Test func keepsAFractionalDeadlineUntruncated() async throws {
    let sandbox = try SandboxFixture(fault: .hang)

    let (result, seconds) = await measureSeconds {
      await transport.perform(
        sandbox.get(SandboxFixture.leadPairs()), timeouts: Timeouts(connect: 1, total: 2.5))
    }

    #expect(result.failedReason.hasPrefix("no complete answer within 2.5 s"))
    #expect(!result.failedReason.contains(SandboxFixture.key))
    #expect(seconds >= 2.4 && seconds < 25)
  }

  @Test func abortsWhenTheCallingTaskIsCancelled() async throws {
    let sandbox = try SandboxFixture(fault: .hang)
    let request = sandbox.post(SandboxFixture.leadPairs())
    let transport = transport
    let sending = Task {
      await transport.perform(request, timeouts: Timeouts(connect: 1, total: 60))
    }

    let arrived = await sandbox.server.waitForRecords(count: 1, timeout: 10)
    sending.cancel()
    let (result, seconds) = await measureSeconds { await sending.value }

    #expect(arrived.count == 1)
    #expect(result.failedSent == true)
    #expect(result.failedReason.hasPrefix("the request was cancelled"))
    #expect(seconds < 25)
  }

  @Test func answersPromptlyWhileOtherRequestsHang() async throws {
    let hanging = try SandboxFixture(fault: .hang)
    let healthy = try SandboxFixture()
    let transport = transport
    let ((stuck, arrived), arrivalSeconds) = await measureSeconds {
      let stuck = (0..<4).map { _ in
        let request = hanging.post(SandboxFixture.leadPairs())
        return Task { await transport.perform(request, timeouts: Timeouts(connect: 1, total: 90)) }
      }
      return (stuck, await hanging.server.waitForRecords(count: stuck.count, timeout: 10))
    }

    let (result, seconds) = await measureSeconds {
      await transport.perform(healthy.post(SandboxFixture.leadPairs()), timeouts: timeouts)
    }
    hanging.server.stop()
    for task in stuck { _ = await task.value }

    #expect(arrived.count == stuck.count)
    // Bounds far below the hanging requests' 90 s, generous for a busy machine: what matters is
    // that no request waits behind another.
    #expect(arrivalSeconds < 25)
    #expect(result.answeredText == #"{"result":"success"}"#)
    #expect(seconds < 25)
  }

  @Test("caps the body it keeps", arguments: [(19, true), (20, false), (64, false)])
  func capsTheBody(cap: Int, overflowed: Bool) async throws {
    let sandbox = try SandboxFixture()
    let answer = Array(#"{"result":"success"}"#.utf8)

    let result = await CurlTransport(bodyCap: cap).perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    let expected = Array(answer.prefix(cap))
    #expect(
      result
        == .answered(
          status: 200, headers: result.answeredHeaders, body: expected, bodyOverflowed: overflowed))
  }

  @Test func capsALargeErrorPage() async throws {
    let sandbox = try SandboxFixture(fault: .html502)

    let result = await CurlTransport(bodyCap: 16).perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    guard case .answered(let status, _, let body, let overflowed) = result else {
      Issue.record("expected an answer, got \(result)")
      return
    }
    #expect(status == 502)
    #expect(body == Array("<html>\r\n<head><t".utf8))
    #expect(overflowed)
  }

  @Test func anAnswerOverTheDefaultCapIsUncertainAnswerTooLarge() async throws {
    let sandbox = try SandboxFixture(fault: .echo)
    let long = String(repeating: "я", count: 10_000)
    let lead = Lead(
      firstName: long, lastName: long, phone: "+7 912 000-00-01", comment: long,
      extraFields: [ExtraField(code: "note", value: long)])
    let client = CRMClient(
      endpoint: sandbox.endpoint, key: APIKey(SandboxFixture.key), timeouts: timeouts,
      transport: CurlTransport())

    let outcome = await client.send(try lead.validated())

    #expect(sandbox.server.records.first?.answer.utf8.count ?? 0 > 65_536)
    #expect(outcome.kind == .uncertain)
    #expect(outcome.reason.hasPrefix("HTTP 500: answer too large: fields received:"))
    #expect(!outcome.reason.contains(SandboxFixture.key))
  }
}
