import Foundation
import LeadCore

/// The options that say where and how leads are sent, shared by the console and `send`.
struct ClientOptions {
  /// Options among these that take a value.
  static let valued: Set<String> = [
    "--endpoint", "--log", "--key", "--connect-timeout", "--timeout", "--ca-file",
  ]

  var configuration: Configuration
  var method: HTTPMethod
  var logFile: URL

  /// Reads the options and resolves them against the environment and the config file.
  /// With a sandbox, its URL and demo key win, and the log defaults to the sandbox's own file.
  init(
    reading reader: inout ArgumentReader,
    environment: [String: String],
    sandbox: (url: URL, key: String, log: URL)? = nil
  ) throws {
    var keyFlag = try reader.value("--key")
    var endpointFlag = try reader.value("--endpoint")
    let connectTimeout = try reader.seconds("--connect-timeout")
    let timeout = try reader.seconds("--timeout")
    let logFlag = try reader.value("--log")
    let caFile = try reader.value("--ca-file")
    method = try reader.flag("--get") ? .get : .post
    if let sandbox {
      keyFlag = sandbox.key
      endpointFlag = sandbox.url.absoluteString
    }

    configuration = try Configuration.resolve(
      keyFlag: keyFlag,
      endpointFlag: endpointFlag,
      connectTimeoutFlag: connectTimeout,
      timeoutFlag: timeout,
      caFileFlag: caFile,
      environment: environment,
      configFile: Configuration.defaultConfigFile(environment: environment)
    )
    logFile =
      logFlag.map { URL(fileURLWithPath: $0) }
      ?? sandbox?.log
      ?? Configuration.defaultHistoryFile(environment: environment)
    if sandbox != nil {
      // The demo key is no secret: it needs no warning about the process list.
      configuration.warnings.removeAll { $0.contains("--key") }
    }
  }

  /// The warnings an operator must see before anything is sent.
  var warnings: [String] {
    var warnings = configuration.warnings
    if method == .get {
      warnings.append(Self.getWarning)
    }
    return warnings
  }

  static let getWarning =
    "warning: GET puts the API key in the URL, where proxies and server logs keep it; "
    + "POST is safer"

  /// A client for these settings, or nil when there is no key; by default over libcurl,
  /// trusting the configured CA file besides the system's, keeping connections open between
  /// requests only when `reusesConnections` (`CurlHandlePool`).
  func client(transport: (any HTTPTransport)? = nil, reusesConnections: Bool = false)
    -> CRMClient?
  {
    guard let key = configuration.key else { return nil }
    return CRMClient(
      endpoint: configuration.endpoint,
      key: key,
      method: method,
      timeouts: configuration.timeouts,
      transport: transport
        ?? CurlTransport(caFile: configuration.caFile, reusesConnections: reusesConnections)
    )
  }
}
