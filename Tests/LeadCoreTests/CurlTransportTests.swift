import Foundation
import LeadSandbox
import Testing

@testable import LeadCore

@Suite("Curl transport against the sandbox")
struct CurlTransportTests {
  let transport = CurlTransport()
  let timeouts = Timeouts(connect: 2, total: 10)

  @Test func postsALeadAndGetsTheSuccessAnswer() async throws {
    let sandbox = try SandboxFixture()

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)

    #expect(result.answeredStatus == 200)
    #expect(result.answeredText == #"{"result":"success"}"#)
    #expect(result.answeredHeaders["content-type"] == "application/json")
    let record = try #require(sandbox.server.records.first)
    #expect(record.method == "POST")
    #expect(record.contentType == "application/x-www-form-urlencoded")
    #expect(record.rawQuery.isEmpty)
  }

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let pairs: [FormPair]
    let answer: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "empty key", pairs: SandboxFixture.leadPairs(key: ""),
      answer: #"{"result":"error","errors":[100]}"#),
    Case(
      name: "wrong key", pairs: SandboxFixture.leadPairs(key: "WRONGKEY-0000"),
      answer: #"{"result":"error","errors":[101]}"#),
    Case(
      name: "neither phone nor email",
      pairs: [
        FormPair(name: "key", value: SandboxFixture.key),
        FormPair(name: "first_name", value: "Ann"),
      ],
      answer: #"{"result":"error","errors":[102]}"#),
    Case(
      name: "empty key and no contact", pairs: [FormPair(name: "key", value: "")],
      answer: #"{"result":"error","errors":[100,102]}"#),
  ]

  @Test(
    "gets the CRM's error answers over POST and GET", arguments: cases, [HTTPMethod.post, .get])
  func getsErrorAnswers(_ testCase: Case, method: HTTPMethod) async throws {
    let sandbox = try SandboxFixture()
    let request = method == .post ? sandbox.post(testCase.pairs) : sandbox.get(testCase.pairs)

    let result = await transport.perform(request, timeouts: timeouts)

    #expect(result.answeredStatus == 200)
    #expect(result.answeredText == testCase.answer)
  }

  @Test func getsTheSuccessAnswerOverGETWithTheFormInTheQuery() async throws {
    let sandbox = try SandboxFixture()
    let pairs = SandboxFixture.leadPairs()

    let result = await transport.perform(sandbox.get(pairs), timeouts: timeouts)

    #expect(result.answeredText == #"{"result":"success"}"#)
    let record = try #require(sandbox.server.records.first)
    #expect(record.method == "GET")
    #expect(record.rawQuery == FormEncoder.encode(pairs))
    #expect(record.rawBody.isEmpty)
    #expect(record.contentType == nil)
  }

  @Test func deliversPlusSignsAndCyrillicExactlyByPOSTAndGET() async throws {
    let sandbox = try SandboxFixture()
    let pairs = SandboxFixture.leadPairs()
    let post = sandbox.post(pairs)

    _ = await transport.perform(post, timeouts: timeouts)
    _ = await transport.perform(sandbox.get(pairs), timeouts: timeouts)

    let records = sandbox.server.records
    try #require(records.count == 2)
    #expect(records[0].rawBodyBytes == post.body)
    #expect(records[0].rawBody.contains("phone=%2B7+%28999%29+123-45-67"))
    #expect(records[0].rawBody.contains("email=ivan.petrov%2Blead%40example.ru"))
    #expect(records[0].rawBody.contains("first_name=%D0%90%D0%BD%D0%B4%D1%80%D0%B5%D0%B9"))
    #expect(records[0].value(of: "phone") == "+7 (999) 123-45-67")
    #expect(records[0].value(of: "email") == "ivan.petrov+lead@example.ru")
    #expect(records[0].value(of: "last_name") == "Щёкин")
    #expect(records[0].fields == pairs.map { SandboxRecord.Field(name: $0.name, value: $0.value) })
    #expect(records[1].fields == records[0].fields)
  }

  @Test func sendsTheBodyBytesUnchangedEvenWhenTheyAreNotUTF8() async throws {
    let sandbox = try SandboxFixture()
    let body: [UInt8] = Array("key=\(SandboxFixture.key)&phone=1&raw=".utf8) + [0xFF, 0x00, 0x41]
    let request = HTTPRequest(method: .post, url: sandbox.endpoint, body: body)

    let result = await transport.perform(request, timeouts: timeouts)

    #expect(result.answeredStatus == 200)
    let record = try #require(sandbox.server.records.first)
    #expect(record.rawBodyBytes == body)
    #expect(record.rawBodyBase64 != nil)
  }

  @Test func answersOnThePathWithoutTheTrailingSlashToo() async throws {
    let sandbox = try SandboxFixture()
    let endpoint = String(sandbox.endpoint.dropLast())

    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs(), to: endpoint), timeouts: timeouts)

    #expect(endpoint.hasSuffix("/api/site"))
    #expect(result.answeredText == #"{"result":"success"}"#)
  }

  @Test func reportsARefusedConnectionAsNotSentWithoutTheQuery() async throws {
    let port = try closedLoopbackPort()
    let request = HTTPRequest(
      method: .get, url: "http://127.0.0.1:\(port)/api/site/?key=\(SandboxFixture.key)&phone=1")

    let (result, seconds) = await measureSeconds {
      await transport.perform(request, timeouts: Timeouts(connect: 60, total: 90))
    }

    #expect(result.failedSent == false)
    #expect(result.failedReason.hasPrefix("connection refused ("))
    #expect(result.failedReason.contains("127.0.0.1"))
    #expect(!result.failedReason.contains(SandboxFixture.key))
    // Far below the 60 s connect timeout it would otherwise wait for; generous for a machine
    // busy with other work, where a test's threads can wait seconds for a core.
    #expect(seconds < 25)
  }

  @Test func reportsAConnectTimeoutAsNotSent() async throws {
    let listener = try SaturatedListener()
    let request = HTTPRequest(method: .post, url: "http://127.0.0.1:\(listener.port)/api/site/")

    let (result, seconds) = await measureSeconds {
      await transport.perform(request, timeouts: Timeouts(connect: 0.5, total: 5))
    }

    #expect(result.failedSent == false)
    #expect(result.failedReason.hasPrefix("no connection within 0.5 s"))
    #expect(seconds >= 0.4 && seconds < 25)
  }

  @Test(
    "refuses URLs it must not fetch, before sending",
    arguments: [
      "ftp://127.0.0.1/api/site/", "file:///etc/passwd", "http://127.0.0.1:99999/", "x\0y",
    ])
  func refusesURLsItMustNotFetch(_ url: String) async {
    let result = await transport.perform(HTTPRequest(method: .get, url: url), timeouts: timeouts)

    #expect(result.failedSent == false)
    #expect(!result.failedReason.isEmpty)
  }

  @Test func holdsTimeoutsInMillisecondsWithinTheAllowedRange() {
    #expect(CurlTransport.Options.milliseconds(2.5) == 2500)
    #expect(CurlTransport.Options.milliseconds(0.25) == 250)
    #expect(CurlTransport.Options.milliseconds(0) == 100)
    #expect(CurlTransport.Options.milliseconds(-3) == 100)
    #expect(CurlTransport.Options.milliseconds(.nan) == 100)
    #expect(CurlTransport.Options.milliseconds(.infinity) == 300_000)
    #expect(CurlTransport.Failure.seconds(2.5) == "2.5 s")
    #expect(CurlTransport.Failure.seconds(1) == "1 s")
    #expect(CurlTransport.Failure.seconds(0.125) == "0.125 s")
  }

  @Test func removesTheQueryFromCurlsMessages() {
    let url = "http://127.0.0.1:9/api/site/?key=SECRET-KEY-123&phone=1#part"
    let text = "Failed for \(url) and key=SECRET-KEY-123&phone=1\u{7}"

    let cleaned = CurlTransport.Failure.removingQuery(of: url, from: text)

    #expect(!cleaned.contains("SECRET-KEY-123"))
    #expect(cleaned.contains("http://127.0.0.1:9/api/site/"))
    #expect(!cleaned.contains("\u{7}"))
  }
}
