/// The type rules of schema fields for numbers, dates, yes/no and options, on text that is
/// already trimmed and not empty (a yes/no field also takes empty text).
enum SchemaValueRules {
  /// Spaces an operator or a spreadsheet puts between digit groups: the plain space, the
  /// no-break space and the narrow no-break space (what `1 500` is formatted with in Russian).
  static let groupingSpaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}"]

  /// Digits with `.` for decimals and no grouping, or the reason the text is not a number.
  static func number(_ text: String) throws(FieldValueError.Reason) -> String {
    var scalars = text.unicodeScalars[...]
    var sign = ""
    if let first = scalars.first, first == "-" || first == "+" || first == "\u{2212}" {
      sign = first == "+" ? "" : "-"
      scalars = scalars.dropFirst()
      guard !scalars.isEmpty else {
        throw .notANumber("a sign needs digits after it")
      }
    }

    var groups: [String] = [""]
    var fraction: String?
    var previous: Unicode.Scalar?
    for scalar in scalars {
      defer { previous = scalar }
      if ("0"..."9").contains(scalar) {
        if fraction != nil {
          fraction?.unicodeScalars.append(scalar)
        } else {
          groups[groups.count - 1].unicodeScalars.append(scalar)
        }
      } else if groupingSpaces.contains(scalar) {
        guard fraction == nil, let previous, ("0"..."9").contains(previous) else {
          throw .notANumber("a space may only stand between groups of digits, as in 1 500")
        }
        groups.append("")
      } else if scalar == "." || scalar == "," {
        guard fraction == nil else {
          throw .notANumber("\"\(text)\" has more than one decimal separator")
        }
        guard let previous, ("0"..."9").contains(previous) else {
          throw .notANumber("a digit must come before the decimal separator")
        }
        fraction = ""
      } else {
        throw .notANumber(
          "\(describe(scalar)) is not allowed (use digits, a sign, spaces and , or .)")
      }
    }

    guard let last = groups.last, !last.isEmpty else {
      throw .notANumber("a space may only stand between groups of digits, as in 1 500")
    }
    if groups.dropFirst().contains(where: { $0.unicodeScalars.count != 3 }) {
      throw .notANumber("digits between spaces come in groups of three, as in 1 500 000")
    }
    if fraction == "" {
      throw .notANumber("a digit must follow the decimal separator")
    }
    return sign + groups.joined() + (fraction.map { "." + $0 } ?? "")
  }

  /// A real calendar date written `dd.MM.yyyy` or `yyyy-MM-dd` (day and month may have one
  /// digit), or the reason it is not one.
  static func date(_ text: String) throws(FieldValueError.Reason) -> SchemaDate {
    let usage = "write it as dd.MM.yyyy or yyyy-MM-dd, e.g. 25.12.2024"
    let parts: [Substring]
    let dayFirst: Bool
    if text.contains(".") {
      parts = text.split(separator: ".", omittingEmptySubsequences: false)
      dayFirst = true
    } else if text.contains("-") {
      parts = text.split(separator: "-", omittingEmptySubsequences: false)
      dayFirst = false
    } else {
      throw .notADate(usage)
    }
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } })
    else {
      throw .notADate(usage)
    }
    let (dayText, monthText, yearText) =
      dayFirst ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
    guard yearText.count == 4, dayText.count <= 2, monthText.count <= 2,
      let year = Int(yearText), let month = Int(monthText), let day = Int(dayText)
    else {
      throw .notADate(usage)
    }

    guard year >= 1 else {
      throw .notADate("there is no year 0")
    }
    guard (1...12).contains(month) else {
      throw .notADate("there is no month \(month)")
    }
    let days = SchemaDate.daysIn(month: month, year: year)
    guard (1...days).contains(day) else {
      throw .notADate("\(SchemaDate.monthNames[month - 1]) \(year) has no day \(day)")
    }
    return SchemaDate(year: year, month: month, day: day)
  }

  /// `1` or `0` for the yes/no words, in any case; empty text is `0` (off).
  static func boolean(_ text: String) throws(FieldValueError.Reason) -> String {
    switch text.lowercased() {
    case "1", "true", "yes", "да":
      return "1"
    case "", "0", "false", "no", "нет":
      return "0"
    default:
      throw .notABoolean
    }
  }

  /// The option whose value matches exactly, else whose value or label matches in any case.
  static func option(
    _ text: String, in options: [SelectOption]
  ) throws(FieldValueError.Reason) -> SelectOption {
    if let exact = options.first(where: { $0.value == text }) {
      return exact
    }
    let lower = text.lowercased()
    if let value = options.first(where: { $0.value.lowercased() == lower }) {
      return value
    }
    if let label = options.first(where: { $0.label.lowercased() == lower }) {
      return label
    }
    throw .notAnOption(choices: options.map(\.label))
  }

  /// Names a character for a message; invisible ones by their code point.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let category = scalar.properties.generalCategory
    if scalar.properties.isWhitespace || category == .control || category == .format {
      return "the invisible character U+\(String(scalar.value, radix: 16, uppercase: true))"
    }
    return "\"\(scalar)\""
  }
}

/// A calendar date in the proleptic Gregorian calendar, as the type rules read it.
struct SchemaDate: Sendable, Equatable {
  var year: Int
  var month: Int
  var day: Int

  /// The English month names, for messages.
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// Days in a month, with the Gregorian leap-year rule.
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11:
      return 30
    default:
      return 31
    }
  }
}
