import Foundation
import LeadCore
import LeadSandbox

/// `lead-console sandbox`: the local stand-in for the CRM, for demos, tests and admins.
enum SandboxCommand {
  /// The key the sandbox accepts when none is given; long enough to show masked.
  static let demoKey = "sandbox-demo-key-0042"

  static let help = """
    Usage: lead-console sandbox [--port N] [--key KEY] [--record FILE] [--fault MODE]
                                [--tls-cert FILE --tls-key FILE]

    Runs a local HTTP server on 127.0.0.1 that answers as the CRM's site-integration API does:
    POST and GET on /api/site and /api/site/, error 100 (empty key), 101 (wrong key),
    102 (neither phone nor email), several at once where several apply, else success.
    Its first line of output is "listening on URL". Each request received is appended to
    FILE as one JSON line (method, raw query and body, decoded fields, the answer).

      --port N        the port (default: a free one)
      --key KEY       the key it accepts (default \(demoKey))
      --record FILE   where to append the requests it receives
      --fault MODE    answer badly on purpose, one of:
                      \(SandboxFault.argumentSummary)
      --tls-cert FILE serve HTTPS with this PEM certificate (chain) ...
      --tls-key FILE  ... and its unencrypted PEM private key; the URL is then https://

    A running sandbox takes a new fault mode from POST /sandbox/fault with the form field
    mode=MODE (e.g. curl -d mode=503 http://127.0.0.1:PORT/sandbox/fault); mode=none mends it.

    Runs until interrupted (Ctrl-C or SIGTERM). Exit status: 0 after an interrupt,
    1 when the server cannot start, 2 usage error.
    """

  static func run(_ arguments: [String]) throws -> Int32 {
    var reader = try ArgumentReader(
      arguments, valued: ["--port", "--key", "--record", "--fault", "--tls-cert", "--tls-key"])
    if try reader.flag("--help") {
      print(help)
      return 0
    }
    let port = try reader.value("--port")
    let key = try reader.value("--key") ?? demoKey
    let record = try reader.value("--record")
    let faultText = try reader.value("--fault")
    let tlsCertificate = try reader.value("--tls-cert")
    let tlsKey = try reader.value("--tls-key")
    try reader.checkAllUsed()
    if let stray = reader.arguments.first {
      throw UsageError(description: "unexpected argument '\(stray)'")
    }
    let portNumber = try port.map { text throws(UsageError) in
      guard let number = UInt16(text) else {
        throw UsageError(description: "--port takes a number from 0 to 65535, not '\(text)'")
      }
      return number
    }
    let fault = try faultText.map { text throws(UsageError) in
      guard let fault = SandboxFault(argument: text) else {
        throw UsageError(description: "unknown --fault mode '\(text)' (see --help)")
      }
      return fault
    }

    guard (tlsCertificate == nil) == (tlsKey == nil) else {
      throw UsageError(description: "--tls-cert and --tls-key go together; give both or neither")
    }

    let signals = StopSignals()
    let url: URL
    let server: SandboxServer
    do {
      let tls = try tlsCertificate.map { (path) throws(SandboxError) in
        try SandboxTLS(
          certificateFile: URL(fileURLWithPath: path),
          keyFile: URL(fileURLWithPath: tlsKey ?? ""))
      }
      server = SandboxServer(
        configuration: SandboxConfiguration(
          port: portNumber ?? 0, key: key, recordFile: record.map { URL(fileURLWithPath: $0) },
          fault: fault ?? .none, tls: tls))
      url = try server.start()
    } catch {
      printError("lead-console sandbox: \(error)")
      return 1
    }
    // Written unbuffered: whoever started the sandbox waits for this line before sending.
    FileHandle.standardOutput.write(Data("listening on \(url.absoluteString)\n".utf8))
    signals.wait()
    server.stop()
    return 0
  }
}

/// Blocks SIGINT and SIGTERM in every thread started after it, so that `wait` receives them.
struct StopSignals {
  private var set = sigset_t()

  init() {
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &set, nil)
  }

  /// Returns when SIGINT or SIGTERM arrives.
  func wait() {
    var received: Int32 = 0
    var set = self.set
    sigwait(&set, &received)
  }
}
