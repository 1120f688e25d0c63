import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Says who stopped the suite: a stop signal ends it with a line naming the signal and the
/// process that sent it, so a run that dies half-way leaves a cause and not just status 143.
enum StopReport {
  static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]
  static let capacity = 64
  /// Address of the handler's line buffer, set aside before any handler is installed.
  static let bufferAddress = Atomic<UInt>(0)

  /// Sets the buffer aside and installs the handler for every stop signal.
  static func install() {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    bufferAddress.store(UInt(bitPattern: buffer), ordering: .sequentiallyConsistent)
    for signal in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = stopHandler
      action.sa_flags = SA_SIGINFO
      sigemptyset(&action.sa_mask)
      _ = sigaction(signal, &action, nil)
    }
  }
}

/// Writes `bench: stopped by signal N from pid P` into the buffer set aside, with plain system
/// calls only, then ends the process with the shell's status for that signal.
private let stopHandler:
  @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    signal, info, _ in
    let address = StopReport.bufferAddress.load(ordering: .sequentiallyConsistent)
    if let buffer = UnsafeMutablePointer<UInt8>(bitPattern: address) {
      var count = 0
      for byte in "bench: stopped by signal ".utf8 {
        buffer[count] = byte
        count += 1
      }
      count = appendDecimal(Int(signal), to: buffer, at: count)
      for byte in " from pid ".utf8 {
        buffer[count] = byte
        count += 1
      }
      count = appendDecimal(Int(info?.pointee._sifields._kill.si_pid ?? 0), to: buffer, at: count)
      buffer[count] = UInt8(ascii: "\n")
      _ = write(STDERR_FILENO, buffer, count + 1)
    }
    _exit(128 + signal)
  }

/// Writes the decimal digits of a non-negative number (at most ten) at `start`; answers the
/// position after them.
private func appendDecimal(_ value: Int, to buffer: UnsafeMutablePointer<UInt8>, at start: Int)
  -> Int
{
  var rest = max(0, min(value, 9_999_999_999))
  var width = 1
  var scale = 10
  while rest >= scale {
    width += 1
    scale *= 10
  }
  for place in stride(from: width - 1, through: 0, by: -1) {
    buffer[start + place] = UInt8(ascii: "0") + UInt8(rest % 10)
    rest /= 10
  }
  return start + width
}
