import LeadCore

/// Words the client core's check messages in the console's language.
///
/// The core reports what is wrong with a field as English text, which the command line prints
/// as it is. The screen matches that text against the English wording of the `check…` keys
/// and, on a match, shows the same key in the console's language with the same values; values
/// that are messages themselves (why a text is not a number, a character's description) are
/// worded the same way in turn.
///
/// Limitation: a message worded in a way no key knows is shown in English. The tests run every
/// check the form can fail and require each message to be matched, so a changed wording in the
/// core is caught there rather than by an operator.
enum ProblemText {
  /// The keys whose English wording a core message may have, most specific first: a message
  /// is taken by the first key it matches.
  static let keys: [UIString] = [
    .checkNeedsContact, .checkPhoneCharacter, .checkPhoneDigits, .checkEmailAt,
    .checkEmailLocal, .checkEmailDots, .checkEmailDomain, .checkEmailCharacter,
    .checkReplacement, .checkTooLong, .checkRequired, .checkBoolean, .checkNumber, .checkDate,
    .checkOption, .checkSpace, .checkInvisible, .checkNumberSign, .checkNumberSpace,
    .checkNumberLeadingSeparator, .checkNumberTrailingSeparator, .checkNumberGroups,
    .checkNumberSeparators, .checkNumberCharacter, .checkDateUsage, .checkDateYear,
    .checkDateMonth, .checkDateDay,
  ]

  /// How deep values are worded in turn: a message, its detail, and a character in that.
  private static let depthLimit = 3

  /// The message in `language`; English, and any message no key matches, as it is.
  static func localized(_ message: String, in language: InterfaceLanguage) -> String {
    guard language != .english else { return message }
    return localized(message, in: language, depth: 0) ?? message
  }

  /// The key a message matches and the values it holds, or nil.
  static func match(_ message: String) -> (key: UIString, values: [String])? {
    for key in keys {
      if let values = values(of: message, in: UIText.text(key, in: .english)) {
        return (key, values)
      }
    }
    return nil
  }

  /// The message in `language` when a key matches it, its values worded in turn; else nil.
  private static func localized(
    _ message: String, in language: InterfaceLanguage, depth: Int
  ) -> String? {
    guard depth < depthLimit, let (key, values) = match(message) else { return nil }
    let worded = values.map { value in
      monthName(value, in: language) ?? localized(value, in: language, depth: depth + 1) ?? value
    }
    return UIText.text(key, in: language, arguments: worded)
  }

  /// An English month name as `checkDateDay` takes it in `language`, or nil for other text.
  private static func monthName(_ value: String, in language: InterfaceLanguage) -> String? {
    let english = UIText.text(.checkDateMonthNames, in: .english).split(separator: " ")
    let wanted = UIText.text(.checkDateMonthNames, in: language).split(separator: " ")
    guard let index = english.firstIndex(where: { $0 == value }), wanted.indices.contains(index)
    else { return nil }
    return String(wanted[index])
  }

  /// The values standing for `%1`, `%2`, … when `message` has the wording of `template`, in
  /// placeholder order; nil when it does not. Each value holds at least one character; where
  /// the wording allows several splits, earlier values are kept as short as possible.
  static func values(of message: String, in template: String) -> [String]? {
    let parts = pieces(of: template)
    var found: [Int: String] = [:]
    guard matches(Array(message), from: 0, parts[...], &found) else { return nil }
    let numbers = found.keys.sorted()
    guard numbers == Array(1...max(1, numbers.count)) || numbers.isEmpty else { return nil }
    return numbers.compactMap { found[$0] }
  }

  /// One piece of a template: words to find as written, or a placeholder's number.
  private enum Piece {
    case words([Character])
    case value(Int)
  }

  /// A template cut into its words and its placeholders.
  private static func pieces(of template: String) -> [Piece] {
    var pieces: [Piece] = []
    var words: [Character] = []
    var rest = Substring(template)
    while let character = rest.first {
      rest = rest.dropFirst()
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      if character == "%", let number = Int(digits) {
        if !words.isEmpty { pieces.append(.words(words)) }
        words = []
        pieces.append(.value(number))
        rest = rest.dropFirst(digits.count)
      } else {
        words.append(character)
      }
    }
    if !words.isEmpty { pieces.append(.words(words)) }
    return pieces
  }

  /// True when `text` from `start` has the wording of `parts`, filling `found` with values.
  private static func matches(
    _ text: [Character], from start: Int, _ parts: ArraySlice<Piece>, _ found: inout [Int: String]
  ) -> Bool {
    guard let part = parts.first else { return start == text.count }
    switch part {
    case .words(let words):
      guard text.count - start >= words.count,
        Array(text[start..<(start + words.count)]) == words
      else { return false }
      return matches(text, from: start + words.count, parts.dropFirst(), &found)
    case .value(let number):
      guard start < text.count else { return false }
      for end in (start + 1)...text.count {
        var attempt = found
        attempt[number] = String(text[start..<end])
        if matches(text, from: end, parts.dropFirst(), &attempt) {
          found = attempt
          return true
        }
      }
      return false
    }
  }
}

extension ConsoleState {
  /// A problem of the core's checks with its message in the console's language.
  func localized(_ problem: FieldProblem) -> FieldProblem {
    FieldProblem(
      field: problem.field, message: ProblemText.localized(problem.message, in: language))
  }
}
