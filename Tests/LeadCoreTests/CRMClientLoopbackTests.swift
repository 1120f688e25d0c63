import Foundation
import LeadSandbox
import Testing

@testable import LeadCore

/// The whole client path (lead → form → libcurl → sandbox → outcome) over loopback.
@Suite("CRM client against the sandbox")
struct CRMClientLoopbackTests {
  private let lead = Lead(
    firstName: "Андрей", lastName: "Щёкин", phone: "+7 (999) 123-45-67",
    email: "ivan.petrov+lead@example.ru", comment: "a&b=c; 100% + ~tilde")

  private func client(
    _ endpoint: String, key: String = SandboxFixture.key, method: HTTPMethod = .post,
    total: Double = 5
  ) -> CRMClient {
    CRMClient(
      endpoint: endpoint, key: APIKey(key), method: method,
      timeouts: Timeouts(connect: 1, total: total), transport: CurlTransport())
  }

  @Test("delivers a lead with every value intact", arguments: [HTTPMethod.post, .get])
  func deliversIntact(method: HTTPMethod) async throws {
    let sandbox = try SandboxFixture()

    let outcome = await client(sandbox.endpoint, method: method).send(lead)

    #expect(outcome.kind == .accepted)
    let record = try #require(sandbox.server.records.first)
    #expect(record.method == method.rawValue)
    #expect(record.value(of: "phone") == "+7 (999) 123-45-67")
    #expect(record.value(of: "email") == "ivan.petrov+lead@example.ru")
    #expect(record.value(of: "first_name") == "Андрей")
    #expect(record.value(of: "last_name") == "Щёкин")
    #expect(record.value(of: "comment") == "a&b=c; 100% + ~tilde")
  }

  struct Rejection: Sendable, CustomTestStringConvertible {
    var name: String
    var key: String
    var lead: Lead
    var codes: [Int]
    var testDescription: String { name }
  }

  static let rejections = [
    Rejection(name: "empty key", key: "", lead: Lead(phone: "1"), codes: [100]),
    Rejection(name: "wrong key", key: "WRONGKEY-000000", lead: Lead(phone: "1"), codes: [101]),
    Rejection(name: "no phone or e-mail", key: SandboxFixture.key, lead: Lead(), codes: [102]),
  ]

  @Test("reports the CRM's refusals with their codes", arguments: rejections)
  func reportsRefusal(example: Rejection) async throws {
    let sandbox = try SandboxFixture()

    let outcome = await client(sandbox.endpoint, key: example.key).send(example.lead)

    #expect(outcome.kind == .rejected)
    #expect(outcome.errors.map(\.code) == example.codes)
  }

  @Test func reportsARefusedConnectionAsNotDelivered() async throws {
    let endpoint = "http://127.0.0.1:\(try closedLoopbackPort())/api/site/"

    let outcome = await client(endpoint).send(lead)

    #expect(outcome.kind == .notDelivered)
    #expect(outcome.httpStatus == nil)
  }

  @Test func reportsAServerThatNeverAnswersAsUncertainWithinTheDeadline() async throws {
    let sandbox = try SandboxFixture(fault: .hang)

    let (outcome, seconds) = await measureSeconds {
      await client(sandbox.endpoint, total: 1.5).send(lead)
    }

    #expect(outcome.kind == .uncertain)
    #expect(seconds < 25)
  }

  struct Fault: Sendable, CustomTestStringConvertible {
    var fault: SandboxFault
    var kind: OutcomeKind
    var status: Int?
    var testDescription: String { "\(fault)" }
  }

  static let faults = [
    Fault(fault: .html403, kind: .uncertain, status: 403),
    Fault(fault: .html502, kind: .notDelivered, status: 502),
    Fault(fault: .html500, kind: .uncertain, status: 500),
    Fault(fault: .empty200, kind: .uncertain, status: 200),
    Fault(fault: .redirect, kind: .notDelivered, status: 302),
    Fault(fault: .tooManyRequests(retryAfter: 5), kind: .notDelivered, status: 429),
    Fault(fault: .unavailable, kind: .notDelivered, status: 503),
    Fault(fault: .reset, kind: .uncertain, status: nil),
    Fault(fault: .truncated, kind: .uncertain, status: nil),
  ]

  @Test("classifies a misbehaving server's answers", arguments: faults)
  func classifiesFault(example: Fault) async throws {
    let sandbox = try SandboxFixture(fault: example.fault)

    let outcome = await client(sandbox.endpoint).send(lead)

    #expect(outcome.kind == example.kind, "\(outcome.reason)")
    #expect(sandbox.server.records.count == 1)
    if let status = example.status {
      #expect(outcome.httpStatus == status)
      #expect(outcome.reason.contains("HTTP \(status)"))
    }
    #expect(!outcome.reason.contains(SandboxFixture.key))
    #expect(outcome.reason.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\u{7F}" })
  }
}
