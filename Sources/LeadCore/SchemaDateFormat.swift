/// The `format` of a date field: the tokens `dd`, `MM` and `yyyy`, each once, between any
/// characters that are not Latin letters (`dd.MM.yyyy`, `yyyy-MM-dd`, `MM/dd/yyyy`, `yyyyMMdd`).
///
/// Only these three tokens exist, so a format can never ask for something the type rules do not
/// know (a time, a month name), and a stray letter (`YYYY`, `mm`) is refused when the schema is
/// loaded instead of being sent literally.
enum SchemaDateFormat {
  /// The tokens in the order they are tried at each position.
  private static let tokens = ["yyyy", "MM", "dd"]

  /// What is wrong with a format, or nil when it is usable.
  static func problem(_ format: String) -> String? {
    var counts: [String: Int] = [:]
    var rest = Substring(format)
    while let first = rest.unicodeScalars.first {
      if let token = tokens.first(where: { rest.hasPrefix($0) }) {
        counts[token, default: 0] += 1
        rest = rest.dropFirst(token.count)
      } else if isLatinLetter(first) {
        return "date format \"\(format)\" has \"\(first)\" outside the tokens dd, MM and yyyy"
          + " (other letters are not allowed)"
      } else {
        rest = rest.dropFirst()
      }
    }
    let missing = tokens.filter { counts[$0, default: 0] == 0 }
    if !missing.isEmpty {
      return "date format \"\(format)\" lacks \(missing.joined(separator: " and "))"
        + " (it needs dd, MM and yyyy, each once)"
    }
    if let repeated = tokens.first(where: { counts[$0, default: 0] > 1 }) {
      return "date format \"\(format)\" has \(repeated) more than once"
    }
    return nil
  }

  /// The date written in a format that passed `problem(_:)`.
  static func render(_ date: SchemaDate, format: String) -> String {
    var output = ""
    var rest = Substring(format)
    while !rest.isEmpty {
      if rest.hasPrefix("yyyy") {
        output += padded(date.year, to: 4)
        rest = rest.dropFirst(4)
      } else if rest.hasPrefix("MM") {
        output += padded(date.month, to: 2)
        rest = rest.dropFirst(2)
      } else if rest.hasPrefix("dd") {
        output += padded(date.day, to: 2)
        rest = rest.dropFirst(2)
      } else {
        output.append(rest.removeFirst())
      }
    }
    return output
  }

  private static func padded(_ number: Int, to width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }
}
