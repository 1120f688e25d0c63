import Foundation
import Testing

/// The built `lead-console` binary, found beside the test bundle (both live in SwiftPM's
/// build folder), or at `LEAD_CONSOLE_BIN`.
enum BuiltBinary {
  static var url: URL {
    if let path = ProcessInfo.processInfo.environment["LEAD_CONSOLE_BIN"] {
      return URL(fileURLWithPath: path)
    }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    var folder = bundle.deletingLastPathComponent()
    while !folder.path.isEmpty, folder.path != "/" {
      let candidate = folder.appendingPathComponent("lead-console")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/lead-console")
  }
}

/// What a finished process left behind.
struct ProcessResult {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// A scratch folder removed when the test ends.
final class ScratchFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("lead-console-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the binary to completion with a bounded wait and an environment of the test's choosing.
func runConsole(
  _ arguments: [String],
  environment: [String: String],
  timeout: TimeInterval = 30
) throws -> ProcessResult {
  let folder = try ScratchFolder()
  let output = folder.file("stdout")
  let errors = folder.file("stderr")
  let child = try ChildProcess(
    [BuiltBinary.url.path] + arguments, environment: environment,
    standardOutput: output, standardError: errors)
  let status = child.wait(within: timeout)
  if status == nil {
    Issue.record("lead-console \(arguments) still running after \(timeout) s")
    child.stop()
  }
  return ProcessResult(
    status: status ?? -1,
    standardOutput: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
    standardError: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
}

/// An environment with nothing from the developer's own settings: no key, no config, a private
/// state folder.
func isolatedEnvironment(in folder: ScratchFolder, extra: [String: String] = [:]) -> [String:
  String]
{
  var environment = [
    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    "HOME": folder.url.path,
    "XDG_CONFIG_HOME": folder.file("config").path,
    "XDG_STATE_HOME": folder.file("state").path,
    "LANG": "C.UTF-8",
    "SWIFT_BACKTRACE": "interactive=no",
  ]
  environment.merge(extra) { _, new in new }
  return environment
}

/// Polls a condition until it holds or the deadline passes; returns whether it held.
/// The condition is an outside process's progress, which offers no event to wait on.
func eventually(within seconds: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  repeat {
    if try condition() { return true }
    usleep(20_000)
  } while Date() < deadline
  return try condition()
}
