import Foundation
import LeadCore
import LeadUI

/// Saves the settings screen's key and endpoint and checks keys, for the console's runner.
///
/// Both run off the main thread: saving writes and fsyncs a file, checking waits on the
/// network. Clients it builds keep the console's method and timeouts.
struct SettingsApplier: Sendable {
  /// The history log new dispatchers write to.
  var history: HistoryLog
  /// POST or GET, as the console was started with.
  var method: HTTPMethod
  /// The connect timeout and total deadline of every request.
  var timeouts: Timeouts
  /// The operator recorded with each queued lead.
  var operatorName: String?
  /// The config file saving writes to; nil in sandbox mode, where saving changes this session
  /// only so the demo key never replaces the operator's own.
  var settingsFile: URL?
  /// Where the key came from at start-up: a key from `--key` or the environment still wins
  /// over the file at the next start, and saving says so.
  var keySource: KeySource = .none
  /// The home folder, to show the config file's path as `~/…`.
  var home: String?
  /// The language of what saving and checking say to the operator.
  var language: InterfaceLanguage = .english
  /// The extra CA file trusted for `https://` endpoints (`--ca-file` or the config's
  /// `ca_file`), kept for clients made from new settings.
  var caFile: String?

  /// Checks the endpoint, writes the settings (unless in sandbox mode), and answers the event
  /// for the console with the dispatcher that sends with them from now on.
  func save(key: APIKey, endpoint: String) -> (ConsoleEvent, LeadDispatcher?) {
    let checked: String
    do throws(ConfigurationError) {
      checked = try checkedEndpoint(endpoint, key: key)
      if let settingsFile {
        try Configuration.saveSettings(key: key, endpoint: checked, to: settingsFile)
      }
    } catch {
      return (.settingsRefused(Self.words(for: error, in: language)), nil)
    }

    let client = makeClient(key: key, endpoint: checked)
    let dispatcher = LeadDispatcher(log: history, client: client, operatorName: operatorName)
    let applied = AppliedSettings(
      endpoint: checked, maskedKey: key.masked, savedTo: settingsFile.map(shownPath),
      note: overrideNote,
      preview: { @Sendable lead in client.dryRun(for: lead) },
      curlPreview: { @Sendable lead in client.curlCommand(for: lead) })
    return (.settingsApplied(applied), dispatcher)
  }

  /// Asks the CRM about `key` at `endpoint` with a request that can create no lead.
  func check(key: APIKey, endpoint: String) async -> ConsoleEvent {
    let checked: String
    do throws(ConfigurationError) {
      checked = try checkedEndpoint(endpoint, key: key)
    } catch {
      return .keyCheckRefused(Self.words(for: error, in: language))
    }
    let verdict = await makeClient(key: key, endpoint: checked).checkKey()
    return .keyChecked(maskedKey: key.masked, verdict: verdict)
  }

  /// A client for these settings, with the console's method and timeouts.
  private func makeClient(key: APIKey, endpoint: String) -> CRMClient {
    CRMClient(
      endpoint: endpoint, key: key, method: method, timeouts: timeouts,
      transport: CurlTransport(caFile: caFile))
  }

  /// The endpoint trimmed, after the same checks as `--endpoint`: an http or https URL with a
  /// host, holding neither the key nor a user name or password.
  private func checkedEndpoint(_ endpoint: String, key: APIKey) throws(ConfigurationError)
    -> String
  {
    try Configuration.resolve(
      keyFlag: key.value, endpointFlag: endpoint, connectTimeoutFlag: timeouts.connect,
      timeoutFlag: timeouts.total, environment: [:], configFile: nil
    ).endpoint
  }

  /// A key given at start-up by `--key` or the environment is read before the file's.
  private var overrideNote: String? {
    switch keySource {
    case .flag: language.text(.keyOverrideFlag)
    case .environment: language.text(.keyOverrideVariable, Configuration.keyVariable)
    case .configFile, .none: nil
    }
  }

  /// The path with the home folder written as `~`, so it fits the status line.
  private func shownPath(_ file: URL) -> String {
    guard let home = home.map({ $0.hasSuffix("/") ? $0 : $0 + "/" }), home.count > 1,
      file.path.hasPrefix(home)
    else { return file.path }
    return "~/" + file.path.dropFirst(home.count)
  }

  /// A refusal in the settings screen's words, in `language`: the checks name `--endpoint`,
  /// which the operator did not type here.
  static func words(for error: ConfigurationError, in language: InterfaceLanguage) -> String {
    switch error {
    case .invalidEndpoint(_, let value):
      language.text(.endpointNotURL, TerminalText.singleLine(value))
    case .keyInEndpoint:
      language.text(.endpointHoldsKey)
    case .credentialsInEndpoint:
      language.text(.endpointHoldsCredentials)
    default:
      error.description
    }
  }
}
