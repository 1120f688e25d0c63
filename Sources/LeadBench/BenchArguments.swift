import Foundation

/// A subcommand's options: `--name value` for those listed as valued, `--flag` for the rest.
/// Anything not listed, given twice or left without its value is a usage error naming it.
struct BenchArguments {
  private var values: [String: String] = [:]
  private var flags: Set<String> = []

  init(_ arguments: [String], valued: Set<String>, flags allowedFlags: Set<String> = [])
    throws(BenchError)
  {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if valued.contains(argument) {
        guard index < arguments.count else { throw .usage("option \(argument) needs a value") }
        guard values[argument] == nil else { throw .usage("option \(argument) is given twice") }
        values[argument] = arguments[index]
        index += 1
      } else if allowedFlags.contains(argument) {
        flags.insert(argument)
      } else {
        throw .usage("unknown argument '\(argument)'")
      }
    }
  }

  /// The text given for an option, or nil.
  func text(_ name: String) -> String? {
    values[name]
  }

  /// The text given for a required option.
  func required(_ name: String) throws(BenchError) -> String {
    guard let value = values[name] else { throw .usage("option \(name) is required") }
    return value
  }

  /// Whether a flag was given.
  func flag(_ name: String) -> Bool {
    flags.contains(name)
  }

  /// A whole number in `range`, or `fallback` when the option is absent.
  func count(_ name: String, in range: ClosedRange<Int>, default fallback: Int)
    throws(BenchError) -> Int
  {
    guard let text = values[name] else { return fallback }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value)
    else {
      throw .usage(
        "option \(name) takes a whole number from \(range.lowerBound) to "
          + "\(range.upperBound), not '\(text)'")
    }
    return value
  }

  /// A number in `range`, or `fallback` when the option is absent.
  func number(_ name: String, in range: ClosedRange<Double>, default fallback: Double)
    throws(BenchError) -> Double
  {
    guard let text = values[name] else { return fallback }
    guard let value = Double(text), range.contains(value) else {
      throw .usage(
        "option \(name) takes a number from \(range.lowerBound) to \(range.upperBound), "
          + "not '\(text)'")
    }
    return value
  }

  /// A file path, made absolute against the working directory.
  func url(_ name: String) throws(BenchError) -> URL {
    URL(fileURLWithPath: try required(name))
  }
}
