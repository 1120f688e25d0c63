import Glibc
import Synchronization

/// Puts the terminal back where curses cannot: in signal handlers, at `exit()`, and before a
/// crash report is printed. After `arm` everything it does is async-signal-safe: atomics, and
/// plain system calls over memory set aside in advance.
enum TerminalRescue {
  /// Signals that ask the console to stop; the main loop reads `stopSignal` and leaves.
  static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// Signals that end the process; the terminal is restored before the previous handler (the
  /// Swift backtracer, usually) runs.
  static let fatalSignals: [Int32] = [SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS, SIGFPE]

  /// The stop signal that arrived, or 0. Only ever set by a handler, read by the loop.
  static let stopSignal = Atomic<Int32>(0)
  /// True while curses owns the terminal and nothing has restored it yet.
  private static let armed = Atomic<Bool>(false)
  /// Address of the one `Record`, allocated on first use and kept for the process's life so a
  /// handler on another thread can never see it freed.
  private static let recordAddress = Atomic<UInt>(0)
  private static let exitHookInstalled = Atomic<Bool>(false)

  /// Escape sequences that undo what the console turned on: bracketed paste, keypad transmit
  /// mode, attributes, the hidden cursor, and the alternate screen (left last).
  private static let leaveSequence = Array(
    "\u{1B}[?2004l\u{1B}[?1l\u{1B}>\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

  /// What the handlers need, all fixed-size and prepared before any handler is installed.
  private struct Record {
    var terminal = termios()
    var terminalDescriptor: Int32 = -1
    var originalStandardError: Int32 = -1
    var heldStandardError: Int32 = -1
    /// `/dev/null`, opened in advance: a crash points standard input at it.
    var nullDescriptor: Int32 = -1
    var leaveBytes: UnsafeMutablePointer<UInt8>
    var leaveCount: Int
    var copyBuffer: UnsafeMutableRawPointer
    /// Previous actions indexed by signal number (every signal used here is below 32).
    var previousActions: UnsafeMutablePointer<sigaction>
  }

  private static let actionSlots = 32

  /// Saves what restoring needs and installs the handlers. Call before curses starts, so that
  /// curses sees non-default SIGINT/SIGTERM handlers and leaves them alone.
  static func arm(terminal: termios, descriptor: Int32, heldError: HeldStandardError?) {
    let record = sharedRecord()
    record.pointee.terminal = terminal
    record.pointee.terminalDescriptor = descriptor
    record.pointee.originalStandardError = heldError?.originalDescriptor ?? -1
    record.pointee.heldStandardError = heldError?.heldDescriptor ?? -1
    stopSignal.store(0, ordering: .sequentiallyConsistent)
    armed.store(true, ordering: .sequentiallyConsistent)

    for signal in stopSignals { install(stopHandler, for: signal, into: record) }
    for signal in fatalSignals { install(fatalHandler, for: signal, into: record) }
    if !exitHookInstalled.exchange(true, ordering: .sequentiallyConsistent) {
      atexit { TerminalRescue.restoreTerminal() }
    }
  }

  /// True from `arm` until the terminal is restored, by `disarm` or by a rescue; false during a
  /// session means a handler has already given the terminal back.
  static var isArmed: Bool {
    armed.load(ordering: .sequentiallyConsistent)
  }

  /// Puts the previous handlers back once curses has ended normally.
  static func disarm() {
    armed.store(false, ordering: .sequentiallyConsistent)
    let record = sharedRecord()
    for signal in stopSignals + fatalSignals {
      _ = sigaction(signal, record.pointee.previousActions + Int(signal), nil)
    }
  }

  /// Restores the saved tty modes, leaves the alternate screen, shows the cursor, and points
  /// standard error back at the terminal with what it held; only the first caller does it.
  static func restoreTerminal() {
    guard armed.exchange(false, ordering: .sequentiallyConsistent) else { return }
    let address = recordAddress.load(ordering: .sequentiallyConsistent)
    guard let record = UnsafeMutablePointer<Record>(bitPattern: address) else { return }

    let descriptor = record.pointee.terminalDescriptor
    _ = tcsetattr(descriptor, TCSANOW, &record.pointee.terminal)
    _ = write(descriptor, record.pointee.leaveBytes, record.pointee.leaveCount)
    if record.pointee.originalStandardError >= 0 {
      _ = dup2(record.pointee.originalStandardError, STDERR_FILENO)
      HeldStandardError.copyHeldText(
        from: record.pointee.heldStandardError, buffer: record.pointee.copyBuffer,
        capacity: HeldStandardError.bufferSize)
      // Emptied, so the normal leaving path that may still follow prints nothing twice.
      _ = ftruncate(record.pointee.heldStandardError, 0)
    }
  }

  /// Called from the fatal handler: standard input becomes `/dev/null`. The Swift backtracer
  /// decided at start, seeing a terminal, to offer an interactive session and wait up to 30 s
  /// for a key; with no input left to read it prints its report and lets the process end at
  /// once, so the operator never looks at a frozen screen.
  fileprivate static func detachInput() {
    let address = recordAddress.load(ordering: .sequentiallyConsistent)
    guard let record = UnsafeMutablePointer<Record>(bitPattern: address),
      record.pointee.nullDescriptor >= 0
    else { return }
    _ = dup2(record.pointee.nullDescriptor, STDIN_FILENO)
  }

  /// Called from the fatal handler: the previous action for `signal` becomes current again.
  fileprivate static func reinstallPrevious(_ signal: Int32) {
    let address = recordAddress.load(ordering: .sequentiallyConsistent)
    guard let record = UnsafeMutablePointer<Record>(bitPattern: address) else { return }
    _ = sigaction(signal, record.pointee.previousActions + Int(signal), nil)
  }

  private static func sharedRecord() -> UnsafeMutablePointer<Record> {
    let address = recordAddress.load(ordering: .sequentiallyConsistent)
    if let existing = UnsafeMutablePointer<Record>(bitPattern: address) { return existing }

    let leaveBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: leaveSequence.count)
    leaveBytes.initialize(from: leaveSequence, count: leaveSequence.count)
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: actionSlots)
    actions.initialize(repeating: sigaction(), count: actionSlots)
    let record = UnsafeMutablePointer<Record>.allocate(capacity: 1)
    record.initialize(
      to: Record(
        leaveBytes: leaveBytes, leaveCount: leaveSequence.count,
        copyBuffer: .allocate(byteCount: HeldStandardError.bufferSize, alignment: 1),
        previousActions: actions))
    record.pointee.nullDescriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
    recordAddress.store(UInt(bitPattern: record), ordering: .sequentiallyConsistent)
    return record
  }

  private static func install(
    _ handler: SignalHandler, for signal: Int32, into record: UnsafeMutablePointer<Record>
  ) {
    var action = sigaction()
    action.__sigaction_handler.sa_sigaction = handler
    // No SA_RESTART: a stop signal should interrupt the key read so the loop sees it at once.
    action.sa_flags = SA_SIGINFO | SA_ONSTACK
    sigemptyset(&action.sa_mask)
    _ = sigaction(signal, &action, record.pointee.previousActions + Int(signal))
  }
}

private typealias SignalHandler =
  @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void

/// SIGINT, SIGTERM, SIGHUP: only records the request; the loop ends curses itself. After a
/// hang-up the terminal may vanish before the loop gets there, so the tty is restored at once.
private let stopHandler: SignalHandler = { signal, _, _ in
  TerminalRescue.stopSignal.store(signal, ordering: .sequentiallyConsistent)
  if signal == SIGHUP { TerminalRescue.restoreTerminal() }
}

/// A crash: restore the terminal, leave the backtracer no key to wait for, then hand the
/// signal to the previous handler. A fault the
/// kernel raised (`si_code` > 0) recurs when the faulting instruction runs again, so returning
/// gives the previous handler the true context and the backtrace stays intact. A signal sent
/// by `kill`, `raise` or `abort` is raised again instead; since the Swift backtracer lets the
/// process run on after a sent SIGSEGV, the loop is also asked to stop.
private let fatalHandler: SignalHandler = { signal, info, _ in
  TerminalRescue.restoreTerminal()
  TerminalRescue.detachInput()
  TerminalRescue.reinstallPrevious(signal)
  let sentByProcess = (info?.pointee.si_code ?? 0) <= 0
  if sentByProcess {
    TerminalRescue.stopSignal.store(signal, ordering: .sequentiallyConsistent)
    raise(signal)
  }
}
