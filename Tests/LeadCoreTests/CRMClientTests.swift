import Foundation
import Testing

@testable import LeadCore

@Suite("CRM client")
struct CRMClientTests {
  private let secret = "TESTKEY-0123456789abcdef"
  private let lead = Lead(
    firstName: "Андрей", lastName: "Щёкин", phone: "+7 (999) 123-45-67",
    email: "ivan.petrov+lead@example.ru", comment: "a&b=c")

  private func client(
    endpoint: String = "http://127.0.0.1:8080/api/site/", method: HTTPMethod = .post,
    transport: FakeTransport = FakeTransport(status: 200, body: #"{"result":"success"}"#)
  ) -> CRMClient {
    CRMClient(
      endpoint: endpoint, key: APIKey(secret), method: method,
      timeouts: Timeouts(connect: 1, total: 2.5), transport: transport)
  }

  @Test func postsTheEncodedFormAsBodyAndKeepsTheKeyOutOfTheURL() {
    let request = client().request(for: lead)

    #expect(request.method == .post)
    #expect(request.url == "http://127.0.0.1:8080/api/site/")
    #expect(!request.url.contains(secret))
    #expect(request.body == Array(FormEncoder.encode(lead.formPairs(key: APIKey(secret))).utf8))
    #expect(String(decoding: request.body, as: UTF8.self).hasPrefix("key=\(secret)&phone=%2B7+"))
  }

  @Test(
    "appends the form to the endpoint's query for GET",
    arguments: [
      ("http://h/api/site/", "http://h/api/site/?"),
      ("http://h/api/site/?a=1", "http://h/api/site/?a=1&"),
      ("http://h/api/site/?", "http://h/api/site/?"), ("http://h/?a=1&", "http://h/?a=1&"),
    ])
  func getsWithTheFormInTheQuery(endpoint: String, prefix: String) {
    let request = client(endpoint: endpoint, method: .get).request(for: lead)

    #expect(request.method == .get)
    #expect(request.body.isEmpty)
    #expect(request.url == prefix + FormEncoder.encode(lead.formPairs(key: APIKey(secret))))
  }

  @Test func sendsThroughTheTransportWithItsTimeoutsAndClassifies() async {
    let transport = FakeTransport(status: 200, body: #"{"result":"error","errors":[101]}"#)

    let outcome = await client(transport: transport).send(lead)

    #expect(outcome.kind == .rejected)
    #expect(outcome.errors == [CRMErrorCode(code: 101)])
    #expect(transport.log.requests == [client().request(for: lead)])
    #expect(transport.log.timeouts == [Timeouts(connect: 1, total: 2.5)])
  }

  @Test func redactsTheKeyWhereAnAnswerEchoesIt() async {
    let transport = FakeTransport { request in
      .answered(
        status: 302, headers: ["location": "http://login/?back=" + request.url], body: [],
        bodyOverflowed: false)
    }

    let outcome = await client(method: .get, transport: transport).send(lead)

    #expect(outcome.kind == .notDelivered)
    #expect(!outcome.reason.contains(secret))
    #expect(!outcome.reason.contains("cdef"))
    #expect(outcome.reason.contains("back=http://127.0.0.1:8080/api/site/?key=(API key)&phone="))
  }

  @Test func dryRunShowsThePOSTByteForByteWithTheKeyMasked() {
    let text = client().dryRun(for: lead)
    let maskedKey = APIKey(secret).masked
    let realBody = FormEncoder.encode(lead.formPairs(key: APIKey(secret)))

    #expect(!text.contains(secret))
    #expect(
      text
        == "POST http://127.0.0.1:8080/api/site/\n\n"
        + realBody.replacingOccurrences(of: "key=\(secret)", with: "key=\(maskedKey)"))
    #expect(maskedKey.hasSuffix("cdef"))
    #expect(maskedKey.hasPrefix("••••"))
  }

  @Test func dryRunShowsTheGETURLWithTheKeyMasked() {
    let text = client(method: .get).dryRun(for: lead)

    #expect(text.hasPrefix("GET http://127.0.0.1:8080/api/site/?key=••••"))
    #expect(text.contains("cdef&phone=%2B7+%28999%29"))
    #expect(!text.contains(secret))
    #expect(!text.contains("\n"))
  }

  @Test func usesTheVendorsEndpointByDefault() {
    #expect(CRMClient.defaultEndpoint == "http://api.gentlemancrm.com/api/site/")
  }
}

@Suite("CRM client curl command")
struct CRMClientCurlTests {
  @Test func givesOneDataRawPerFieldWithItsExactEncodedPairAndTheKeyMasked() {
    let client = CRMClient(
      endpoint: "http://127.0.0.1:8080/api/site/", key: APIKey("TESTKEY-0123456789abcdef"),
      transport: FakeTransport(status: 200, body: ""))
    let lead = Lead(
      firstName: "Андрей", phone: "+7 (999) 123-45-67", comment: "a&b=c 100%",
      extraFields: [ExtraField(code: "city", value: "Москва")])

    let command = client.curlCommand(for: lead)

    let lines = command.split(separator: "\n").map(String.init)
    #expect(lines.first == "curl -sS -X POST 'http://127.0.0.1:8080/api/site/' \\")
    #expect(lines.contains("  --data-raw 'phone=%2B7+%28999%29+123-45-67' \\"))
    #expect(lines.contains("  --data-raw 'comment=a%26b%3Dc+100%25' \\"))
    #expect(lines.last == "  --data-raw 'city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0'")
    #expect(lines[1].hasSuffix("cdef' \\"))
    #expect(!command.contains("TESTKEY-0123456789abcdef"))
    let body = lines.dropFirst(2).map { line in
      line.replacingOccurrences(of: "  --data-raw '", with: "")
        .replacingOccurrences(of: "' \\", with: "").replacingOccurrences(of: "'", with: "")
    }
    #expect(
      body.joined(separator: "&")
        == FormEncoder.encode(Array(lead.formPairs(key: APIKey("x")).dropFirst())))
  }
}
