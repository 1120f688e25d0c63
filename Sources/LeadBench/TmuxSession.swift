import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tmux server of the suite's own (`-L` socket), one window of a fixed size, driven through
/// a control-mode client: commands go to its standard input and answers come back as
/// `%begin … %end` blocks, so polling the screen costs no process start.
final class TmuxSession {
  let socket: String
  private let tmux: String
  private let control: ChildProcess
  private let reader: LineReader
  private let input: Int32
  /// Numbers the marker each command's answer ends with.
  private var commandsSent = 0
  private static let target = "bench"

  /// Starts the server with an idle pane and attaches the control client.
  init(tmux: String, columns: Int = 120, rows: Int = 40) throws(BenchError) {
    socket = "lead-bench-\(getpid())"
    self.tmux = tmux
    let environment = Self.environment
    let created = try ChildProcess.run(
      tmux,
      [
        "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", Self.target,
        "-x", "\(columns)", "-y", "\(rows)", "sleep 3600",
      ], environment: environment, timeout: 20)
    guard created.status == 0 else {
      throw .failed(program: "tmux new-session", status: created.status, output: "")
    }
    var toChild: [Int32] = [0, 0]
    var fromChild: [Int32] = [0, 0]
    guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
      throw .cannotStart(program: "tmux -C", reason: String(cString: strerror(errno)))
    }
    // Only the control client may hold these pipes; later children must not inherit them.
    for fd in toChild + fromChild {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    control = try ChildProcess.start(
      tmux, ["-L", socket, "-C", "attach-session", "-t", Self.target], environment: environment,
      pipes: (toChild[0], fromChild[1]))
    Glibc.close(toChild[0])
    Glibc.close(fromChild[1])
    input = toChild[1]
    reader = LineReader(fd: fromChild[0])
    try synchronise()
    // Clients must not resize the window, and a program that ends leaves its pane (and its
    // last screen) instead of closing the session.
    try command("set-option -g window-size manual")
    try command("set-option -g remain-on-exit on")
  }

  /// Runs one tmux command and answers its output lines; throws when tmux reports an error.
  ///
  /// The command goes out followed by a marker command, and the answer taken is the block just
  /// before the marker's (or the marker's own, should tmux put both in one): tmux's control
  /// mode has been seen to hand over a block of no command of ours, which would otherwise put
  /// every later answer one command out of step.
  @discardableResult
  func command(_ text: String, timeout: Double = 10) throws(BenchError) -> [String] {
    commandsSent += 1
    let marker = "lead-bench-answer-\(commandsSent)"
    try write("\(text) ; display-message -p \(marker)")
    let deadline = ContinuousClock.now + .seconds(timeout)
    var block: [String]?
    var opening = ""
    // tmux answers each command of the line in a block of its own: the command's block is
    // the one just before the marker's.
    var previous: [String] = []
    while let next = reader.line(until: deadline) {
      guard var lines = block else {
        if next.hasPrefix("%begin ") {
          opening = String(next.dropFirst(7))
          block = []
        }
        continue
      }
      let isEnd = next.hasPrefix("%end ") && next.dropFirst(5) == opening
      let isError = next.hasPrefix("%error ") && next.dropFirst(7) == opening
      if isError {
        throw .failed(
          program: "tmux \(text.prefix(60))", status: 1, output: lines.joined(separator: " "))
      }
      if isEnd {
        if lines == [marker] { return previous }
        if lines.last == marker { return Array(lines.dropLast()) }
        previous = lines
        block = nil
        continue
      }
      lines.append(next)
      block = lines
    }
    throw .timedOut(what: "tmux command '\(text.prefix(60))'", seconds: timeout)
  }

  private func write(_ text: String) throws(BenchError) {
    let line = Array((text + "\n").utf8)
    let written = line.withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
    guard written == line.count else {
      throw .failed(program: "tmux -C", status: -1, output: "cannot send '\(text.prefix(60))'")
    }
  }

  /// Reads past what attaching printed (its own answer block among it) up to the answer of a
  /// marker command, so that each later command reads exactly its own answer.
  private func synchronise() throws(BenchError) {
    let marker = "lead-bench-ready-\(getpid())"
    try write("display-message -p \(marker)")
    let deadline = ContinuousClock.now + .seconds(10)
    while let next = reader.line(until: deadline) {
      if next == marker {
        // The marker's block ends on the next line.
        _ = reader.line(until: deadline)
        return
      }
    }
    throw .timedOut(what: "attaching to tmux", seconds: 10)
  }

  /// Replaces the pane's program with `shellCommand`, on a cleared screen.
  func respawn(_ shellCommand: String) throws(BenchError) {
    try command("respawn-pane -k -t \(Self.target) \(Self.quoted(shellCommand))")
  }

  /// The screen as text, one line per row.
  func capture() throws(BenchError) -> String {
    try command("capture-pane -p -t \(Self.target)").joined(separator: "\n")
  }

  /// Polls the screen until `isComplete` says yes; answers the seconds from `since` to the
  /// poll that saw it, and that screen. Polls are 1 ms apart, so they take little of the CPU
  /// the measured program needs.
  func waitForScreen(
    since: ContinuousClock.Instant, timeout: Double, what: String,
    _ isComplete: (String) -> Bool
  ) throws(BenchError) -> (seconds: Double, screen: String) {
    let deadline = since + .seconds(timeout)
    while ContinuousClock.now < deadline {
      let asked = ContinuousClock.now
      let screen = try capture()
      if isComplete(screen) {
        return ((asked - since).seconds, screen)
      }
      usleep(1_000)
    }
    throw .timedOut(what: what, seconds: timeout)
  }

  /// The process id of the pane's program; 0 while tmux has none to name.
  func panePID() throws(BenchError) -> pid_t {
    let answer = try command("display-message -p -t \(Self.target) '#{pane_pid}'")
    guard let text = answer.first, let pid = pid_t(text) else {
      throw .failed(program: "tmux display-message", status: 1, output: answer.joined())
    }
    return pid
  }

  /// Whether the pane's program has ended.
  func isPaneDead() throws(BenchError) -> Bool {
    try command("display-message -p -t \(Self.target) '#{pane_dead}'").first == "1"
  }

  /// Presses keys by tmux's names (`F4`, `Down`), or types text literally.
  func send(keys: String, literally: Bool = false) throws(BenchError) {
    try command("send-keys -t \(Self.target) \(literally ? "-l " : "")\(Self.quoted(keys))")
  }

  /// Ends the pane's program (SIGTERM, SIGKILL after 5 s) and waits until tmux sees it gone.
  ///
  /// tmux can answer a pane pid of 0 while the pane is still open (a program ending, its
  /// terminal not yet closed); that is never signalled, since `kill(0, …)` would reach this
  /// suite's own process group. After 3 s of it the pane is left to `respawn`, whose `-k`
  /// ends whatever still holds it.
  func endProgram() throws(BenchError) {
    let started = ContinuousClock.now
    var signalled: pid_t = 0
    while !(try isPaneDead()) {
      let waited = ContinuousClock.now - started
      let pid = try panePID()
      if pid <= 1, waited > .seconds(3) {
        BenchCommand.report("tmux names no process for a pane still open; respawning over it")
        return
      }
      if waited > .seconds(15) {
        throw .timedOut(what: "ending the program in tmux", seconds: 15)
      }
      if pid > 1, pid != signalled {
        kill(pid, SIGTERM)
        signalled = pid
      } else if pid > 1, waited > .seconds(5) {
        kill(pid, SIGKILL)
      }
      usleep(2_000)
    }
  }

  /// Stops the control client, then the server. The server is told by a client of its own:
  /// a `kill-server` written to the control client that is being closed may never be read,
  /// and a server left behind keeps its panes' last programs alive.
  func close() {
    Glibc.close(input)
    control.stop(grace: 3)
    reader.close()
    _ = try? ChildProcess.run(
      tmux, ["-L", socket, "kill-server"], environment: Self.environment, timeout: 10)
  }

  /// What every tmux process of the suite runs with.
  private static var environment: [String: String] {
    ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
  }

  /// A string in single quotes for tmux's command language.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
