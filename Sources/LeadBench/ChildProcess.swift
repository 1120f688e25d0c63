import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A program started by the suite, always bounded in time: `wait` ends it at its deadline.
///
/// Started with `posix_spawn`, so timing a whole process measures the program and not a
/// library's bookkeeping; standard input is `/dev/null` unless pipes are given.
final class ChildProcess: Sendable {
  /// The process id.
  let pid: pid_t
  /// The program, for messages.
  let program: String
  /// When it was started, on the monotonic clock.
  let startedAt: ContinuousClock.Instant
  /// Set once the process has been reaped, so a late kill cannot hit a reused id.
  private let reaped = Mutex(false)

  private init(pid: pid_t, program: String, startedAt: ContinuousClock.Instant) {
    self.pid = pid
    self.program = program
    self.startedAt = startedAt
  }

  /// How a finished program ended.
  struct Finished {
    var status: Int32
    /// Wall-clock seconds from start to exit.
    var seconds: Double
    /// User and system CPU seconds the process used: on a loaded machine, the part of the
    /// wall time that was the program's own work.
    var cpuSeconds: Double
  }

  /// Starts `executable` with `arguments`; output goes to the files named (or `/dev/null`),
  /// and the given descriptors, when set, become its standard input and output.
  static func start(
    _ executable: String, _ arguments: [String], environment: [String: String],
    stdout: String = "/dev/null", stderr: String = "/dev/null",
    pipes: (input: Int32, output: Int32)? = nil
  ) throws(BenchError) -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let pipes {
      posix_spawn_file_actions_adddup2(&actions, pipes.input, 0)
      posix_spawn_file_actions_adddup2(&actions, pipes.output, 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let startedAt = ContinuousClock.now
    let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard result == 0 else {
      throw .cannotStart(program: executable, reason: String(cString: strerror(result)))
    }
    return ChildProcess(pid: pid, program: executable, startedAt: startedAt)
  }

  /// Runs a program to its end, killed at `timeout` seconds.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String],
    stdout: String = "/dev/null", stderr: String = "/dev/null", timeout: Double
  ) throws(BenchError) -> Finished {
    try start(executable, arguments, environment: environment, stdout: stdout, stderr: stderr)
      .wait(timeout: timeout)
  }

  /// Waits for the end; past `timeout` seconds the process is killed and `timedOut` thrown.
  func wait(timeout: Double) throws(BenchError) -> Finished {
    let killer = DispatchWorkItem { [self] in send(SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
    defer { killer.cancel() }
    var info = siginfo_t()
    // Waits for the exit without reaping it, so a kill until the reaping below cannot reach
    // another process that was given the same id.
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 {
      guard errno == EINTR else { break }
    }
    let seconds = (ContinuousClock.now - startedAt).seconds
    let (status, cpuSeconds) = reap()
    if status == 128 + SIGKILL, seconds >= timeout {
      throw .timedOut(what: (program as NSString).lastPathComponent, seconds: timeout)
    }
    return Finished(status: status, seconds: seconds, cpuSeconds: cpuSeconds)
  }

  /// Sends a signal unless the process has been reaped.
  func send(_ signal: Int32) {
    reaped.withLock { reaped in
      if !reaped { _ = kill(pid, signal) }
    }
  }

  /// Asks it to stop (SIGTERM), then kills it if it is still there after `grace` seconds.
  func stop(grace: Double = 5) {
    send(SIGTERM)
    _ = try? wait(timeout: grace)
  }

  /// Reaps the exited process: its exit status (or 128 + the signal that ended it) and the
  /// CPU seconds it used.
  private func reap() -> (Int32, Double) {
    reaped.withLock { reaped in
      guard !reaped else { return (-1, 0) }
      var status: Int32 = 0
      var usage = rusage()
      while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
      reaped = true
      let signalled = status & 0x7F
      let cpu =
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
      return (signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled, cpu)
    }
  }

  /// The full path of `name` on `PATH`, or nil.
  static func find(_ name: String) -> String? {
    if name.contains("/") {
      return FileManager.default.isExecutableFile(atPath: name) ? name : nil
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

extension Duration {
  /// The duration in seconds, as a floating-point number.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
