import Foundation
import Testing

/// What the end-to-end terminal tests read beyond the screen's text: the screen with its
/// attributes, the pane's modes as tmux tracks them, and the tty's settings.
extension TmuxSession {
  /// The screen with its attributes as escape sequences (`capture-pane -e`): colours, bold,
  /// reverse, and SO/SI around characters drawn in the line-drawing set.
  func screenWithAttributes() throws -> String {
    try tmuxOutput(["capture-pane", "-p", "-e"])
  }

  /// The pane's terminal modes: alternate screen, cursor shown, keypad modes, insert, origin
  /// and wrap, as one line; equal lines mean equal modes.
  func modes() throws -> String {
    let flags = [
      "alternate_on", "cursor_flag", "keypad_cursor_flag", "keypad_flag", "insert_flag",
      "origin_flag", "wrap_flag",
    ]
    let format = flags.map { "\($0)=#{\($0)}" }.joined(separator: " ")
    return try tmuxOutput(["display-message", "-p", format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs one tmux command against this session's server and answers what it printed.
  private func tmuxOutput(_ arguments: [String]) throws -> String {
    let output = socket.deletingLastPathComponent()
      .appendingPathComponent("tmux-probe-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: output) }
    let client = try ChildProcess(
      ["tmux", "-S", socket.path] + arguments, environment: ProcessInfo.processInfo.environment,
      standardOutput: output)
    guard client.wait(within: 10) != nil else {
      throw SpawnError(program: "tmux \(arguments.first ?? "")", code: ETIMEDOUT)
    }
    return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  }
}

extension ConsoleInTerminal {
  /// The console's process id file for `startRecordingPID`.
  var pidFile: URL { folder.file("console.pid") }

  /// Starts the console in the terminal with extra environment variables, through a shell
  /// that writes its process id first and then becomes the console (`exec` keeps the id).
  func startRecordingPID(variables: [String: String] = [:], arguments: [String] = []) throws {
    try? FileManager.default.removeItem(at: pidFile)
    try? FileManager.default.removeItem(at: exitFile)
    let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let words =
      ["exec", "env"] + assignments + [BuiltBinary.url.path] + arguments
      + ["--endpoint", sandbox.url, "--log", log.path]
    let script = "echo $$ > \(pidFile.path); " + words.joined(separator: " ")
    try terminal.run("sh -c '\(script)'; echo $? > \(exitFile.path)")
  }

  /// The running console's process id, once its shell has written it.
  func consolePID() -> pid_t? {
    var pid: pid_t?
    _ = eventually(within: 10) {
      let text = (try? String(contentsOf: pidFile, encoding: .utf8)) ?? ""
      pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      return pid != nil
    }
    return pid
  }

  /// `stty -a` of the terminal as the shell in it sees it, saved to `name` in the folder.
  func ttySettings(_ name: String) throws -> String? {
    let file = folder.file(name)
    try terminal.run("stty -a > \(file.path)")
    var text: String?
    _ = eventually(within: 10) {
      text = try? String(contentsOf: file, encoding: .utf8)
      return text?.isEmpty == false
    }
    return text
  }
}
