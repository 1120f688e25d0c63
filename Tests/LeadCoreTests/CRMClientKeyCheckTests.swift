import Foundation
import LeadSandbox
import Testing

@testable import LeadCore

/// The key check: a request holding the key alone, read by the codes it draws.
@Suite("CRM client key check")
struct CRMClientKeyCheckTests {
  private func client(_ endpoint: String, key: String) -> CRMClient {
    CRMClient(
      endpoint: endpoint, key: APIKey(key), timeouts: Timeouts(connect: 1, total: 3),
      transport: CurlTransport())
  }

  @Test(
    "tells a valid, a wrong and an empty key apart against the sandbox",
    arguments: [
      (SandboxFixture.key, KeyCheck.valid), ("WRONGKEY-0123456789", .wrong), ("", .empty),
    ])
  func verdictFromTheSandbox(key: String, expected: KeyCheck) async throws {
    let sandbox = try SandboxFixture()

    let verdict = await client(sandbox.endpoint, key: key).checkKey()

    #expect(verdict == expected)
    let record = try #require(sandbox.server.records.first)
    #expect(record.fields.map(\.name) == ["key"])
  }

  @Test func aRefusedConnectionGivesNoVerdict() async throws {
    let endpoint = "http://127.0.0.1:\(try closedLoopbackPort())/api/site/"

    let verdict = await client(endpoint, key: SandboxFixture.key).checkKey()

    guard case .inconclusive(let outcome) = verdict else {
      Issue.record("expected no verdict, got \(verdict)")
      return
    }
    #expect(outcome.kind == .notDelivered)
  }

  @Test(
    "reads the codes of an answer",
    arguments: [
      ([102], KeyCheck.valid), ([101, 102], .wrong), ([100, 102], .empty), ([100], .empty),
      ([7], .inconclusive(Outcome(kind: .rejected, errors: [CRMErrorCode(code: 7)], reason: ""))),
    ])
  func verdictFromCodes(codes: [Int], expected: KeyCheck) {
    let outcome = Outcome(kind: .rejected, errors: codes.map(CRMErrorCode.init), reason: "")
    #expect(CRMClient.verdict(on: outcome) == expected)
  }

  @Test func aSuccessForAKeyAloneIsNoVerdict() {
    let outcome = Outcome(kind: .accepted, httpStatus: 200, reason: "HTTP 200")
    #expect(CRMClient.verdict(on: outcome) == .inconclusive(outcome))
  }
}
