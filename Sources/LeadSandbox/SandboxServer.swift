import CMicroHTTPD
import Foundation
import Synchronization

/// The built-in fake CRM: an HTTP server on 127.0.0.1 that answers by the CRM's documented rules
/// (or plays a fault) and records every request it receives.
///
/// Runs on libmicrohttpd with a thread per connection, so a hanging or slow answer holds only its
/// own connection.
public final class SandboxServer: Sendable {
  /// The largest request body read; a larger one is answered 413.
  public static let bodyLimit = 1 << 20

  /// Seconds an idle connection stays open before the server closes it.
  static let idleConnectionSeconds: UInt32 = 30

  private let configuration: SandboxConfiguration
  let handler: SandboxHandler
  private let daemon = Mutex<Daemon?>(nil)

  /// Creates a stopped server.
  public init(configuration: SandboxConfiguration) {
    self.configuration = configuration
    handler = SandboxHandler(key: configuration.key, fault: configuration.fault)
  }

  deinit {
    stop()
  }

  /// Starts listening on 127.0.0.1 and returns the API's URL, `http://127.0.0.1:PORT/api/site/`
  /// (`https://` with TLS). Starting a running server returns its URL again.
  public func start() throws(SandboxError) -> URL {
    try daemon.withLock { (daemon: inout Daemon?) throws(SandboxError) -> URL in
      if let running = daemon { return running.url }
      if configuration.tls != nil, cmhd_supports_tls() == 0 {
        throw .tlsUnsupported
      }
      let recordFile = try configuration.recordFile.map { (url) throws(SandboxError) in
        try SandboxRecordFile(url: url)
      }
      handler.prepare(recordFile: recordFile)
      let context = Unmanaged.passUnretained(handler).toOpaque()
      // libmicrohttpd keeps pointers to the key and certificate: they live as long as the daemon.
      let tlsKey = configuration.tls.map { strdup($0.keyPEM) } ?? nil
      let tlsCertificate = configuration.tls.map { strdup($0.certificatePEM) } ?? nil
      guard
        let pointer = cmhd_start_loopback_daemon(
          configuration.port, Self.idleConnectionSeconds, SandboxHandler.accessHandler,
          SandboxHandler.uriLogger, SandboxHandler.requestCompleted, context, tlsKey,
          tlsCertificate)
      else {
        let reason =
          configuration.tls == nil
          ? String(cString: strerror(errno))
          : "\(String(cString: strerror(errno))); or the TLS key does not fit the certificate"
        free(tlsKey)
        free(tlsCertificate)
        handler.finish()
        throw .cannotListen(port: configuration.port, reason: reason)
      }
      let port = cmhd_daemon_port(pointer)
      let running = Daemon(
        pointer: pointer, port: port, scheme: configuration.tls == nil ? "http" : "https",
        tlsStrings: [tlsKey, tlsCertificate].compactMap { $0 })
      handler.origin = running.origin
      daemon = running
      return running.url
    }
  }

  /// Stops listening and closes every connection, hanging ones included. Safe to call again.
  public func stop() {
    daemon.withLock { daemon in
      guard let running = daemon else { return }
      // Hanging requests block their connection threads, which MHD_stop_daemon joins: release
      // them first so stopping takes milliseconds, not forever.
      handler.releaseWaiters()
      MHD_stop_daemon(running.pointer)
      for text in running.tlsStrings { free(text) }
      handler.finish()
      daemon = nil
    }
  }

  /// The API's URL while the server runs; nil when stopped.
  public var url: URL? {
    daemon.withLock { $0?.url }
  }

  /// Every request received so far, oldest first.
  public var records: [SandboxRecord] {
    handler.records
  }

  /// The fault being played; it can change while the server runs.
  public var fault: SandboxFault {
    get { handler.fault }
    set { handler.fault = newValue }
  }

  /// The last failure to append to the record file, if any; requests are answered regardless.
  public var recordFileError: SandboxError? {
    handler.recordFileError
  }

  /// A running libmicrohttpd daemon.
  private struct Daemon {
    /// libmicrohttpd's handle.
    var pointer: OpaquePointer
    /// The port it listens on.
    var port: UInt16
    /// `http` or `https`.
    var scheme: String
    /// The TLS key and certificate texts it reads from, freed once it has stopped.
    var tlsStrings: [UnsafeMutablePointer<CChar>]

    /// `scheme://127.0.0.1:PORT`, the start of every URL it serves.
    var origin: String { "\(scheme)://127.0.0.1:\(port)" }

    /// The API's URL on this daemon.
    var url: URL {
      // The literal is always a valid URL; the fallback only satisfies the optional.
      URL(string: "\(origin)/api/site/") ?? URL(fileURLWithPath: "/")
    }
  }
}
