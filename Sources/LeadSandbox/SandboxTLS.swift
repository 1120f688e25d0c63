import Foundation

/// A PEM certificate (chain) and its private key, for a sandbox that serves HTTPS.
///
/// The texts are held in memory and handed to libmicrohttpd when the server starts, so the
/// files may change or vanish afterwards without affecting a running sandbox.
public struct SandboxTLS: Sendable, Equatable {
  /// The server certificate, PEM, optionally followed by intermediate certificates.
  public var certificatePEM: String
  /// The certificate's private key, PEM, unencrypted.
  public var keyPEM: String

  /// Wraps PEM texts already in memory.
  public init(certificatePEM: String, keyPEM: String) {
    self.certificatePEM = certificatePEM
    self.keyPEM = keyPEM
  }

  /// Reads the certificate and key files; each must hold PEM text.
  public init(certificateFile: URL, keyFile: URL) throws(SandboxError) {
    certificatePEM = try Self.readPEM(certificateFile, kind: "CERTIFICATE")
    keyPEM = try Self.readPEM(keyFile, kind: "PRIVATE KEY")
  }

  /// The file's text, checked to hold a PEM block of the kind expected (`-----BEGIN …`).
  private static func readPEM(_ url: URL, kind: String) throws(SandboxError) -> String {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadableTLSFile(path: url.path, reason: error.localizedDescription)
    }
    let text = String(decoding: data, as: UTF8.self)
    guard text.contains("-----BEGIN "), text.contains(kind + "-----") else {
      throw .unreadableTLSFile(path: url.path, reason: "no PEM \(kind.lowercased()) in it")
    }
    return text
  }
}
