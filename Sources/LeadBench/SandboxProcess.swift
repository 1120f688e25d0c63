import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The product's sandbox CRM (`lead-console sandbox`) in a process of its own, on a free
/// loopback port, for the delivery measures; stopped with SIGTERM like an operator's Ctrl-C.
final class SandboxProcess {
  /// The site-integration endpoint it serves, `http://127.0.0.1:PORT/api/site/`.
  let endpoint: String
  private let process: ChildProcess

  /// Starts the sandbox accepting `key`, and waits (at most 20 s) for its `listening on` line.
  init(console: String, key: String, work: URL, environment: [String: String])
    throws(BenchError)
  {
    let output = work.appendingPathComponent("sandbox.out")
    process = try ChildProcess.start(
      console, ["sandbox", "--key", key], environment: environment, stdout: output.path,
      stderr: work.appendingPathComponent("sandbox.err").path)
    let deadline = ContinuousClock.now + .seconds(20)
    var text = ""
    while ContinuousClock.now < deadline {
      text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
        endpoint = String(line.dropFirst("listening on ".count))
        return
      }
      // The sandbox writes its line once, straight to the file; a short pause between looks.
      usleep(5_000)
    }
    process.stop(grace: 2)
    throw .sandboxSilent(text)
  }

  /// Stops the sandbox (SIGTERM, then SIGKILL after a grace period).
  func stop() {
    process.stop(grace: 5)
  }
}
