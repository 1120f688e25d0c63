import Foundation
import LeadSandbox
import Testing

/// The sandbox's HTTPS set-up: what it refuses before serving.
@Suite("Sandbox TLS set-up")
struct SandboxTLSTests {
  @Test func aFileWithoutAPEMCertificateIsRefusedByName() throws {
    let directory = try TemporaryDirectory()
    let notPEM = try directory.write("just text\n", to: "cert.pem")

    let error = #expect(throws: SandboxError.self) {
      try SandboxTLS(certificateFile: notPEM, keyFile: notPEM)
    }

    #expect(error == .unreadableTLSFile(path: notPEM.path, reason: "no PEM certificate in it"))
  }

  @Test func aMissingKeyFileIsRefusedWithItsPath() throws {
    let certificates = try TestCertificates()
    let missing = certificates.directory.file("missing.key")

    let error = #expect(throws: SandboxError.self) {
      try SandboxTLS(certificateFile: certificates.serverCertificate, keyFile: missing)
    }

    #expect(error?.description.contains("cannot read the TLS file \(missing.path)") == true)
  }

  @Test func aKeyThatDoesNotFitTheCertificateStopsTheStart() throws {
    let certificates = try TestCertificates()
    let tls = SandboxTLS(
      certificatePEM: try certificates.text(certificates.serverCertificate),
      keyPEM: try certificates.text(certificates.directory.file("ca.key")))
    let server = SandboxServer(configuration: SandboxConfiguration(key: "k", tls: tls))

    let error = #expect(throws: SandboxError.self) { try server.start() }

    guard case .cannotListen(_, let reason) = error else {
      Issue.record("expected cannotListen, got \(String(describing: error))")
      return
    }
    #expect(reason.contains("the TLS key does not fit the certificate"))
  }
}
