import Foundation
import Testing

/// A real terminal: a tmux server of its own (fresh socket per test) running a plain shell,
/// typed into with `send-keys` and read with `capture-pane`.
final class TmuxSession {
  let socket: URL
  private let environment: [String: String]
  /// Held so the folder (and the socket in it) outlives the server: ARC may release a test's
  /// local as soon as its last use, and `kill-server` needs the socket.
  private let folder: ScratchFolder

  init(in folder: ScratchFolder, columns: Int = 100, rows: Int = 30, environment: [String: String])
    throws
  {
    self.folder = folder
    socket = folder.file("tmux.sock")
    self.environment = environment
    let exported = environment.flatMap { ["-e", "\($0.key)=\($0.value)"] }
    try tmux(
      ["-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)"] + exported
        + ["bash --norc --noprofile"])
  }

  /// Types literal text (any script) as if from the keyboard.
  func type(_ text: String) throws { try tmux(["send-keys", "-l", "--", text]) }

  /// Presses named keys: `Enter`, `Tab`, `F2`, `C-c`, ...
  func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

  /// Pastes text the way a terminal does, framed as a bracketed paste when the program asked.
  func paste(_ text: String) throws {
    try tmux(["set-buffer", "--", text])
    try tmux(["paste-buffer", "-p"])
  }

  /// Runs a shell command line in the pane.
  func run(_ commandLine: String) throws {
    try type(commandLine)
    try press("Enter")
  }

  /// The screen as text.
  func screen() throws -> String { try tmux(["capture-pane", "-p"], capturingOutput: true) }

  /// Polls the screen until it shows the text; records the screen on failure.
  @discardableResult
  func waitFor(_ text: String, within seconds: TimeInterval = 15) throws -> Bool {
    let shown = try eventually(within: seconds) { try screen().contains(text) }
    if !shown { Issue.record("screen never showed \"\(text)\":\n\(try screen())") }
    return shown
  }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-x", "\(columns)", "-y", "\(rows)"])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  /// Runs one tmux command; only `capture-pane` output is read back.
  @discardableResult
  private func tmux(_ arguments: [String], capturingOutput: Bool = false) throws -> String {
    let output =
      capturingOutput
      ? socket.deletingLastPathComponent().appendingPathComponent(
        "tmux-output-\(UUID().uuidString).txt") : nil
    let client = try ChildProcess(
      ["tmux", "-S", socket.path] + arguments, environment: environment, standardOutput: output)
    guard client.wait(within: 10) != nil else {
      throw SpawnError(program: "tmux \(arguments.first ?? "")", code: ETIMEDOUT)
    }
    guard let output else { return "" }
    defer { try? FileManager.default.removeItem(at: output) }
    return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  }
}
