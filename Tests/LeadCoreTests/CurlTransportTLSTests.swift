import Foundation
import LeadSandbox
import Testing

@testable import LeadCore

/// HTTPS against the sandbox serving TLS with certificates from a CA made for the test.
@Suite("HTTPS with certificate verification")
struct CurlTransportTLSTests {
  let timeouts = Timeouts(connect: 2, total: 10)

  /// A sandbox serving HTTPS with `certificate` (and the shared key) of `certificates`.
  func sandbox(
    _ certificates: TestCertificates, certificate: URL, fault: SandboxFault = .none
  ) throws -> SandboxFixture {
    try SandboxFixture(
      fault: fault,
      tls: SandboxTLS(certificateFile: certificate, keyFile: certificates.keyFile))
  }

  /// A client for the sandbox's endpoint over libcurl, trusting `caFile` if given.
  func client(_ sandbox: SandboxFixture, caFile: URL?) -> CRMClient {
    CRMClient(
      endpoint: sandbox.endpoint, key: APIKey(SandboxFixture.key), timeouts: timeouts,
      transport: CurlTransport(caFile: caFile?.path))
  }

  static let lead = Lead(firstName: "Анна", phone: "+7 912 345-67-89")

  @Test func aLeadReachesAnHTTPSSandboxWhoseCAIsTrusted() async throws {
    let certificates = try TestCertificates()
    let sandbox = try sandbox(certificates, certificate: certificates.serverCertificate)

    let outcome = await client(sandbox, caFile: certificates.caFile).send(Self.lead)

    #expect(sandbox.endpoint.hasPrefix("https://127.0.0.1:"))
    #expect(outcome.kind == .accepted, "\(outcome.reason)")
    let record = try #require(sandbox.server.records.first)
    #expect(record.fields.last { $0.name == "phone" }?.value == Self.lead.phone)
  }

  struct BadCertificate: Sendable, CustomTestStringConvertible {
    var name: String
    var certificate: KeyPath<TestCertificates, URL> & Sendable
    var trustCA: Bool
    var words: String
    var testDescription: String { name }
  }

  static let badCertificates = [
    BadCertificate(
      name: "an unknown CA", certificate: \.serverCertificate, trustCA: false,
      words: "the server's TLS certificate is from an unknown certificate authority"),
    BadCertificate(
      name: "another host name", certificate: \.otherHostCertificate, trustCA: true,
      words: "the server's TLS certificate is not for this host name"),
    BadCertificate(
      name: "an expired certificate", certificate: \.expiredCertificate, trustCA: true,
      words: "the server's TLS certificate has expired"),
  ]

  @Test(
    "a bad certificate is not delivered, naming the certificate problem",
    arguments: badCertificates)
  func badCertificateIsNotDelivered(_ bad: BadCertificate) async throws {
    let certificates = try TestCertificates()
    let sandbox = try sandbox(certificates, certificate: certificates[keyPath: bad.certificate])

    let outcome = await client(sandbox, caFile: bad.trustCA ? certificates.caFile : nil)
      .send(Self.lead)

    #expect(outcome.kind == .notDelivered)
    #expect(outcome.reason.hasPrefix("not sent: \(bad.words)"), "\(outcome.reason)")
    #expect(!outcome.reason.contains(SandboxFixture.key))
    #expect(sandbox.server.records.isEmpty)
  }

  @Test func aCAFileThatHoldsNoCertificateIsNotDeliveredAndSaysSo() async throws {
    let certificates = try TestCertificates()
    let sandbox = try sandbox(certificates, certificate: certificates.serverCertificate)

    let outcome = await client(sandbox, caFile: certificates.keyFile).send(Self.lead)

    #expect(outcome.kind == .notDelivered)
    #expect(outcome.reason.hasPrefix("not sent: the CA certificate file could not be read"))
  }

  @Test func theKeyCheckWorksOverHTTPSToo() async throws {
    let certificates = try TestCertificates()
    let sandbox = try sandbox(certificates, certificate: certificates.serverCertificate)

    let verdict = await client(sandbox, caFile: certificates.caFile).checkKey()

    #expect(verdict == .valid)
  }

  @Test func aRedirectOverHTTPSIsNotFollowed() async throws {
    let certificates = try TestCertificates()
    let sandbox = try sandbox(
      certificates, certificate: certificates.serverCertificate, fault: .redirect)

    let outcome = await client(sandbox, caFile: certificates.caFile).send(Self.lead)

    #expect(outcome.kind == .notDelivered)
    #expect(outcome.reason.contains("redirect to https://127.0.0.1:\(sandbox.port)/redirected/"))
    #expect(sandbox.server.records.count == 1)
  }
}
