/// A usage mistake on the command line; always exit status 2.
struct UsageError: Error, CustomStringConvertible {
  /// What is wrong, naming the option or argument.
  var description: String
}

/// Reads `--name value`, `--name=value` and `--flag` arguments in one pass, so every command
/// parses the same way and an unknown option is always named in the error.
struct ArgumentReader {
  private var options: [(name: String, value: String?)] = []
  private var positionals: [String] = []
  private var consumed: Set<Int> = []

  /// Splits the arguments; `valued` lists the options that take a value.
  init(_ arguments: [String], valued: Set<String>) throws(UsageError) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("--"), argument.count > 2 else {
        positionals.append(argument)
        continue
      }
      if let equals = argument.firstIndex(of: "=") {
        let name = String(argument[..<equals])
        options.append((name, String(argument[argument.index(after: equals)...])))
      } else if valued.contains(argument) {
        guard index < arguments.count else {
          throw UsageError(description: "option \(argument) needs a value")
        }
        options.append((argument, arguments[index]))
        index += 1
      } else {
        options.append((argument, nil))
      }
    }
  }

  /// The value of an option given at most once, or nil when it is absent.
  mutating func value(_ name: String) throws(UsageError) -> String? {
    let given = try values(name)
    guard given.count <= 1 else {
      throw UsageError(description: "option \(name) is given \(given.count) times; give it once")
    }
    return given.first
  }

  /// Every value given for a repeatable option, in command-line order.
  mutating func values(_ name: String) throws(UsageError) -> [String] {
    var found: [String] = []
    for (offset, option) in options.enumerated() where option.name == name {
      guard let value = option.value else {
        throw UsageError(description: "option \(name) needs a value")
      }
      consumed.insert(offset)
      found.append(value)
    }
    return found
  }

  /// A number of seconds, or nil when the option is absent.
  mutating func seconds(_ name: String) throws(UsageError) -> Double? {
    guard let text = try value(name) else { return nil }
    // Decimal only: Double("0x10") would read hex, and "inf" or "nan" are no durations.
    let decimal = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard decimal, let seconds = Double(text), seconds > 0 else {
      throw UsageError(
        description: "option \(name) takes a positive number of seconds (like 2.5), not '\(text)'")
    }
    return seconds
  }

  /// True when a flag is present; a flag given a value is a mistake.
  mutating func flag(_ name: String) throws(UsageError) -> Bool {
    var present = false
    for (offset, option) in options.enumerated() where option.name == name {
      if option.value != nil { throw UsageError(description: "option \(name) takes no value") }
      consumed.insert(offset)
      present = true
    }
    return present
  }

  /// The positional arguments, in order.
  var arguments: [String] { positionals }

  /// Fails on the first option nothing asked for.
  func checkAllUsed() throws(UsageError) {
    for (offset, option) in options.enumerated() where !consumed.contains(offset) {
      throw UsageError(description: "unknown option \(option.name)")
    }
  }
}
