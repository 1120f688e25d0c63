import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a process that wrote a `sending` record can still finish its attempt.
public enum ProcessLiveness {
  /// False only when the system says no such process exists (`kill(pid, 0)` gives `ESRCH`).
  ///
  /// A process of another account (`EPERM`) is alive; so is any pid the check cannot rule out,
  /// because calling a live attempt interrupted would let the lead be sent twice.
  public static func isAlive(_ pid: Int32) -> Bool {
    guard pid > 0 else { return false }
    if kill(pid, 0) == 0 {
      return true
    }
    return errno != ESRCH
  }
}

extension HistoryEntry {
  /// Why a lead is uncertain when its process stopped between the request and the answer.
  public static let interruptedReason =
    "interrupted: the console or command stopped while it was in flight"

  /// The outcome a lead is given when its attempt was interrupted.
  public static var interruptedOutcome: Outcome {
    Outcome(kind: .uncertain, httpStatus: nil, errors: [], reason: interruptedReason)
  }

  /// Turns a `sending` lead whose process is gone into an `uncertain` one.
  ///
  /// A record without a pid comes from a program that predates them and is long gone; the
  /// request may have reached the CRM, so the lead waits for the operator rather than a resend.
  mutating func markInterruptedUnlessAlive(_ isAlive: (Int32) -> Bool) {
    guard state == .sending else { return }
    if let pid = sendingPID, isAlive(pid) {
      return
    }
    let outcome = Self.interruptedOutcome
    if let index = attempts.indices.last, attempts[index].outcome == nil {
      attempts[index].outcome = outcome
    }
    lastOutcome = outcome
    state = .uncertain
  }
}
