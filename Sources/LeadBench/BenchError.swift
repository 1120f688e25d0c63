import Foundation

/// What can stop a benchmark command, in words an operator can act on.
enum BenchError: Error, Equatable, CustomStringConvertible {
  /// The command line is wrong; the text says how.
  case usage(String)
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)
  /// A file could not be read.
  case cannotRead(path: String, reason: String)
  /// The product's own encoding of a record differs from the bytes the generator writes.
  case encodingDiffers(expected: String, written: String)
  /// The generated schema does not load with the product's schema loader.
  case schemaRejected(String)
  /// A program the suite needs is not installed.
  case missingTool(String)
  /// A program could not be started.
  case cannotStart(program: String, reason: String)
  /// A program did not finish, or a screen did not show what was awaited, in time.
  case timedOut(what: String, seconds: Double)
  /// A program ended with an unexpected status.
  case failed(program: String, status: Int32, output: String)
  /// The sandbox did not say where it listens.
  case sandboxSilent(String)

  var description: String {
    switch self {
    case .usage(let text):
      "\(text) (see: lead-bench --help)"
    case .cannotWrite(let path, let reason):
      "cannot write \(path): \(reason)"
    case .cannotRead(let path, let reason):
      "cannot read \(path): \(reason)"
    case .encodingDiffers(let expected, let written):
      "the generator's record differs from the history log's own encoding:\n  log:       "
        + "\(expected)\n  generator: \(written)"
    case .schemaRejected(let problems):
      "the generated schema does not load: \(problems)"
    case .missingTool(let name):
      "\(name) is not installed (make bench installs it)"
    case .cannotStart(let program, let reason):
      "cannot start \(program): \(reason)"
    case .timedOut(let what, let seconds):
      "\(what) did not finish within \(Int(seconds)) s"
    case .failed(let program, let status, let output):
      "\(program) ended with status \(status): \(output.prefix(400))"
    case .sandboxSilent(let output):
      "the sandbox did not print where it listens: \(output.prefix(400))"
    }
  }
}
