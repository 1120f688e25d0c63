import Foundation

/// A child process started with posix_spawn, its output sent to files, reaped with waitpid.
/// Foundation's `Process` on Linux was seen missing a child's exit (the child left a zombie and
/// `waitUntilExit` never returned) while other children came and went, so the tests manage
/// their children themselves.
final class ChildProcess {
  let pid: pid_t
  private var exitStatus: Int32?

  /// Starts the program (looked up on PATH) with the given environment; standard input is
  /// /dev/null, standard output and error go to the given files (or /dev/null).
  init(
    _ arguments: [String],
    environment: [String: String],
    standardOutput: URL? = nil,
    standardError: URL? = nil
  ) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, standardOutput?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(
      &actions, 2, standardError?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    // The test runner's threads block signals; a child must start with none blocked and every
    // handler at its default, or it could not be stopped (nor test Ctrl-C and SIGTERM).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw SpawnError(program: arguments[0], code: spawned) }
    self.pid = pid
  }

  /// Waits up to `seconds` for the child to end; returns its exit status (128 + N for a
  /// signal), or nil if it is still running.
  func wait(within seconds: TimeInterval) -> Int32? {
    if let exitStatus { return exitStatus }
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      var status: Int32 = 0
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid {
        let signal = status & 0x7f
        exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return exitStatus
      }
      if reaped == -1, errno != EINTR { return nil }
      usleep(5_000)
    } while Date() < deadline
    return nil
  }

  /// Sends a signal unless the child was already reaped.
  func send(_ signal: Int32) {
    if exitStatus == nil { kill(pid, signal) }
  }

  /// Ends the child for good: SIGTERM, then SIGKILL if it lingers.
  func stop() {
    guard exitStatus == nil else { return }
    send(SIGTERM)
    if wait(within: 5) == nil {
      send(SIGKILL)
      _ = wait(within: 5)
    }
  }

  deinit { stop() }
}

struct SpawnError: Error, CustomStringConvertible {
  var program: String
  var code: Int32
  var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
}
