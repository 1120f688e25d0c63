import Foundation

/// The console's usual end-to-end set-up: a scratch folder, `lead-console sandbox` expecting
/// `key`, an isolated environment (holding the key unless told otherwise) and a tmux terminal.
final class ConsoleInTerminal {
  let folder: ScratchFolder
  let sandbox: SandboxProcess
  let environment: [String: String]
  let terminal: TmuxSession
  /// The history log the console is started with.
  let log: URL
  /// Where the shell writes the console's exit status once it ends.
  let exitFile: URL

  init(key: String, keyInEnvironment: Bool = true, sandboxArguments: [String] = []) throws {
    folder = try ScratchFolder()
    sandbox = try SandboxProcess(
      key: key, recordFile: folder.file("record.jsonl"), extraArguments: sandboxArguments)
    environment = isolatedEnvironment(
      in: folder, extra: keyInEnvironment ? ["GENTLEMAN_API_KEY": key] : [:])
    terminal = try TmuxSession(in: folder, environment: environment)
    log = folder.file("h.jsonl")
    exitFile = folder.file("exit.txt")
  }

  /// Starts the console in the terminal against the sandbox, with extra arguments.
  func start(_ arguments: [String] = []) throws {
    let words = [BuiltBinary.url.path] + arguments + ["--endpoint", sandbox.url, "--log", log.path]
    try terminal.run(words.joined(separator: " ") + "; echo $? > \(exitFile.path)")
  }

  /// The console's exit status once it has ended, or nil if it is still running.
  ///
  /// The shell creates the file before it writes the status into it, so an empty file means
  /// the status is still on its way.
  func exitStatus(within seconds: TimeInterval = 10) -> String? {
    let read = { [exitFile] in
      ((try? String(contentsOf: exitFile, encoding: .utf8)) ?? "")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard eventually(within: seconds, { !read().isEmpty }) else { return nil }
    return read()
  }
}
