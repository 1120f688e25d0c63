import Foundation

/// How a sandbox server is set up: where it listens, the key it accepts, where it records.
public struct SandboxConfiguration: Sendable, Equatable {
  /// The loopback port to listen on; 0 picks a free one.
  public var port: UInt16
  /// The only API key answered without error 101.
  public var key: String
  /// A JSON Lines file each request is appended to, or nil to keep records in memory only.
  public var recordFile: URL?
  /// The misbehaviour to start with.
  public var fault: SandboxFault
  /// The certificate and key to serve HTTPS with, or nil for plain HTTP.
  public var tls: SandboxTLS?

  /// Creates a configuration.
  public init(
    port: UInt16 = 0, key: String, recordFile: URL? = nil, fault: SandboxFault = .none,
    tls: SandboxTLS? = nil
  ) {
    self.port = port
    self.key = key
    self.recordFile = recordFile
    self.fault = fault
    self.tls = tls
  }
}

/// Why the sandbox could not start or keep its record file.
public enum SandboxError: Error, Equatable, CustomStringConvertible {
  /// The record file could not be opened for appending.
  case recordFileUnavailable(path: String, reason: String)
  /// A record could not be written to the record file.
  case recordNotWritten(path: String, reason: String)
  /// The HTTP server could not listen on the port.
  case cannotListen(port: UInt16, reason: String)
  /// A TLS certificate or key file could not be read.
  case unreadableTLSFile(path: String, reason: String)
  /// This machine's libmicrohttpd was built without TLS, so HTTPS cannot be served.
  case tlsUnsupported

  /// The problem in words an operator can act on.
  public var description: String {
    switch self {
    case .recordFileUnavailable(let path, let reason):
      "cannot open the sandbox record file \(path): \(reason)"
    case .recordNotWritten(let path, let reason):
      "cannot append to the sandbox record file \(path): \(reason)"
    case .cannotListen(let port, let reason):
      port == 0
        ? "the sandbox cannot listen on 127.0.0.1: \(reason)"
        : "the sandbox cannot listen on 127.0.0.1 port \(port): \(reason) (try another --port)"
    case .unreadableTLSFile(let path, let reason):
      "cannot read the TLS file \(path): \(reason)"
    case .tlsUnsupported:
      "this machine's libmicrohttpd was built without TLS support; run the sandbox without"
        + " --tls-cert and --tls-key"
    }
  }
}
