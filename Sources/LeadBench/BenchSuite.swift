import Foundation

/// The whole benchmark: every measure of the table, each repeated, the product side by side
/// with the tool a user would reach for instead, on the same machine in the same run.
struct BenchSuite {
  /// The `lead-console` binary under test.
  var console: String
  /// This tool's own binary, for the in-process filter when the console's CLI lacks it.
  var bench: String
  var inputs: BenchInputs
  /// How often each measure is repeated.
  var runs: Int
  /// How often the slow references (`jq` over the large log) and the long measures (`retry`,
  /// the indexed memory peak) are repeated.
  var slowRuns: Int
  /// How long one `retry` run may take before its progress is measured and it is stopped.
  var retrySeconds: Double
  var keystrokes: Int
  var tools: BenchTools
  /// A scratch folder of this run, removed at the end.
  var work: URL
  /// The groups of measures to run (`screen`, `filter`, `send`, `retry`, `keystroke`).
  var groups = Self.allGroups
  /// The sandbox's endpoint.
  var endpoint = ""

  static let allGroups = ["screen", "filter", "send", "retry", "keystroke"]

  /// The key the sandbox accepts; long enough to be masked to its last four characters.
  static let key = "bench-key-0123456789"

  /// The environment every product process gets: an empty home of its own (no config file,
  /// no schema, no draft), a UTF-8 locale, the key from the environment as scripts pass it.
  /// Nothing else: the console starts as it does for an operator (no `SWIFT_BACKTRACE`).
  var environment: [String: String] {
    let home = work.appendingPathComponent("home").path
    return [
      "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
      "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
      "GENTLEMAN_API_KEY": Self.key,
    ]
  }

  /// Runs every measure and answers the rows; a measure that fails gives a "not run" row with
  /// its reason and the others still run.
  mutating func run(progress: (String) -> Void) -> [ResultRow] {
    var rows: [ResultRow] = []
    do {
      let sandbox = try SandboxProcess(
        console: console, key: Self.key, work: work, environment: environment)
      defer { sandbox.stop() }
      endpoint = sandbox.endpoint
      progress("sandbox at \(endpoint)")
      rows += measure("screen", progress) { (suite) throws(BenchError) in
        try suite.screenRows(progress)
      }
      rows += measure("filter", progress) { (suite) throws(BenchError) in
        try suite.filterRows(progress)
      }
      rows += measure("send", progress) { (suite) throws(BenchError) in try suite.sendRows(progress)
      }
      rows += measure("retry", progress) { (suite) throws(BenchError) in
        try suite.retryRows(progress)
      }
    } catch {
      rows.append(.notRun("sandbox", target: .informational, problem: error.description))
    }
    rows += measure("keystroke", progress) { (suite) throws(BenchError) in
      try [suite.keystrokeRow(progress)]
    }
    return rows
  }

  /// Runs one group of measures, turning its error into a row that says why.
  private func measure(
    _ name: String, _ progress: (String) -> Void,
    _ body: (BenchSuite) throws(BenchError) -> [ResultRow]
  ) -> [ResultRow] {
    guard groups.contains(name) else { return [] }
    progress("measuring: \(name)")
    do {
      return try body(self)
    } catch {
      progress("\(name): \(error.description)")
      return [.notRun(name, target: .informational, problem: error.description)]
    }
  }

  /// A fresh folder inside the scratch folder.
  func folder(_ name: String) throws(BenchError) -> URL {
    let url = work.appendingPathComponent(name)
    do {
      try? FileManager.default.removeItem(at: url)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: url.path, reason: error.localizedDescription)
    }
    return url
  }

  /// Writes an executable `sh` script that replaces itself with `command` (so the pane's
  /// process is the program itself); answers its path.
  func script(_ name: String, _ command: [String], environment: [String: String] = [:])
    throws(BenchError) -> String
  {
    let url = work.appendingPathComponent(name)
    let assignments = environment.sorted { $0.key < $1.key }.map {
      "\($0.key)=\(shellQuoted($0.value))"
    }
    let line = (["exec", "env"] + assignments + command.map(shellQuoted)).joined(separator: " ")
    do {
      try "#!/bin/sh\n\(line)\n".write(to: url, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes(
        [.posixPermissions: NSNumber(value: 0o700)], ofItemAtPath: url.path)
    } catch {
      throw .cannotWrite(path: url.path, reason: error.localizedDescription)
    }
    return url.path
  }

  func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// The outside programs the suite compares against, found on `PATH`.
struct BenchTools {
  var tmux: String?
  var dialog: String?
  var jq: String?
  var wc: String?
  var curl: String?
  var wrk: String?
  var ab: String?

  static func find() -> BenchTools {
    BenchTools(
      tmux: ChildProcess.find("tmux"), dialog: ChildProcess.find("dialog"),
      jq: ChildProcess.find("jq"), wc: ChildProcess.find("wc"), curl: ChildProcess.find("curl"),
      wrk: ChildProcess.find("wrk"), ab: ChildProcess.find("ab"))
  }

  /// The path of a tool, or `missingTool`.
  static func require(_ path: String?, _ name: String) throws(BenchError) -> String {
    guard let path else { throw .missingTool(name) }
    return path
  }
}
