import Foundation
import LeadCore
import LeadSandbox
import LeadUI

/// `lead-console` with no subcommand: the full-screen console.
enum ConsoleCommand {
  static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var reader = try ArgumentReader(
      arguments, valued: ClientOptions.valued.union(["--schema", "--lang"]))
    if try reader.flag("--help") {
      print(LeadConsoleCommand.usage)
      return 0
    }
    let language = try language(reading: &reader, environment: environment)
    var server: SandboxServer?
    var sandbox: (url: URL, key: String, log: URL)?
    if try reader.flag("--sandbox") {
      let folder = sandboxFolder(environment: environment)
      try HistoryLog.createPrivateFolder(folder)
      let demo = SandboxServer(
        configuration: SandboxConfiguration(
          port: 0, key: SandboxCommand.demoKey,
          recordFile: folder.appendingPathComponent("sandbox-requests.jsonl")))
      let log = folder.appendingPathComponent("sandbox-history.jsonl")
      sandbox = (try demo.start(), SandboxCommand.demoKey, log)
      server = demo
    }
    defer { server?.stop() }
    let options = try ClientOptions(
      reading: &reader, environment: environment, sandbox: sandbox)
    let (schema, schemaNotice) = try SchemaOption.lenient(
      reading: &reader, environment: environment)
    try reader.checkAllUsed()
    if let stray = reader.arguments.first {
      throw UsageError(description: "unexpected argument '\(stray)'")
    }

    let client = options.client()
    let notices = options.warnings
    let history = HistoryLog(url: options.logFile)
    var preview: (@Sendable (Lead) -> String)?
    var curlPreview: (@Sendable (Lead) -> String)?
    if let client {
      preview = { @Sendable lead in client.dryRun(for: lead) }
      curlPreview = { @Sendable lead in client.curlCommand(for: lead) }
    }
    let setup = ConsoleSetup(
      context: ConsoleContext(
        endpoint: options.configuration.endpoint,
        maskedKey: options.configuration.key?.masked,
        canSend: client != nil,
        notices: notices,
        schema: schema ?? Schema(),
        schemaNotice: schemaNotice,
        preview: preview,
        curlPreview: curlPreview,
        isSandbox: sandbox != nil,
        maxAttempts: options.configuration.maxAttempts,
        language: language),
      dispatcher: client.map {
        LeadDispatcher(log: history, client: $0, operatorName: options.configuration.operatorName)
      },
      history: history,
      settings: SettingsApplier(
        history: history, method: options.method, timeouts: options.configuration.timeouts,
        operatorName: options.configuration.operatorName,
        settingsFile: sandbox == nil
          ? Configuration.defaultConfigFile(environment: environment) : nil,
        keySource: sandbox == nil ? options.configuration.keySource : .none,
        home: environment["HOME"], language: language, caFile: options.configuration.caFile),
      schedule: ResendSchedule(
        maxAttempts: options.configuration.maxAttempts,
        minimumSpacing: 1 / options.configuration.requestsPerSecond),
      drafts: DraftStore(url: DraftStore.file(besideLog: options.logFile)),
      retentionDays: options.configuration.retentionDays)
    return ConsoleRunner.run(setup)
  }

  /// The interface's language: `--lang ru` or `--lang en` when given, else the one the locale
  /// variables name (LC_ALL, LC_MESSAGES, LANG; `ru_*` is Russian).
  static func language(
    reading reader: inout ArgumentReader, environment: [String: String]
  ) throws(UsageError) -> InterfaceLanguage {
    guard let given = try reader.value("--lang") else {
      return InterfaceLanguage(environment: environment)
    }
    guard let language = InterfaceLanguage(rawValue: given) else {
      let allowed = InterfaceLanguage.allCases.map(\.rawValue).joined(separator: " or ")
      throw UsageError(
        description: "option --lang takes \(allowed), not '\(TerminalText.singleLine(given))'")
    }
    return language
  }

  /// Where the demo keeps its history and the sandbox's record of requests: beside the real
  /// history, in files of their own, so demo leads never mix with real ones.
  static func sandboxFolder(environment: [String: String]) -> URL {
    Configuration.defaultHistoryFile(environment: environment).deletingLastPathComponent()
  }
}
