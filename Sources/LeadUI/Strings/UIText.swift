/// The console's words in each language: one table per language, keyed by `UIString`, and the
/// small formatter that fills a text's numbered placeholders.
///
/// A text names the values it takes as `%1`, `%2`, …, in whatever order its language needs
/// them; `%%` stands for a percent sign. Values are put in as they are, never read for
/// placeholders themselves, so a name typed as `%1` is shown as typed.
public enum UIText {
  /// The table of a language.
  public static func table(for language: InterfaceLanguage) -> [UIString: String] {
    switch language {
    case .english: english
    case .russian: russian
    }
  }

  /// The text of `key` in `language` with its placeholders filled. A key missing from the
  /// table falls back to English, then to the key's name, so a gap shows up as words rather
  /// than as nothing; the tests keep the tables complete.
  public static func text(
    _ key: UIString, in language: InterfaceLanguage, arguments: [String] = []
  ) -> String {
    let template = table(for: language)[key] ?? english[key] ?? key.rawValue
    return format(template, arguments)
  }

  /// `template` with each `%N` replaced by `arguments[N - 1]` and each `%%` by `%`. A
  /// placeholder without a value is left as written.
  public static func format(_ template: String, _ arguments: [String]) -> String {
    // Looked for in the bytes: Foundation's `contains` on a String costs more than the rest of
    // a frame's text, and most texts hold no placeholder.
    guard template.utf8.contains(UInt8(ascii: "%")) else { return template }
    var result = ""
    var rest = Substring(template)
    while let percent = rest.firstIndex(of: "%") {
      result += rest[..<percent]
      let after = rest[rest.index(after: percent)...]
      if after.first == "%" {
        result += "%"
        rest = after.dropFirst()
        continue
      }
      let digits = after.prefix { $0.isASCII && $0.isNumber }
      if let number = Int(digits), arguments.indices.contains(number - 1) {
        result += arguments[number - 1]
      } else {
        result += "%" + digits
      }
      rest = after.dropFirst(digits.count)
    }
    return result + rest
  }

  /// The placeholder numbers a text uses, for checking that translations take the same values.
  public static func placeholders(in template: String) -> Set<Int> {
    var found: Set<Int> = []
    var rest = Substring(template)
    while let percent = rest.firstIndex(of: "%") {
      let after = rest[rest.index(after: percent)...]
      if after.first == "%" {
        rest = after.dropFirst()
        continue
      }
      let digits = after.prefix { $0.isASCII && $0.isNumber }
      if let number = Int(digits) { found.insert(number) }
      rest = after.dropFirst(digits.count)
    }
    return found
  }
}

/// The three forms of a counted text; which one a count takes is the language's rule.
public struct PluralKeys: Sendable, Equatable {
  /// For 1 (and in Russian 21, 31, …).
  public var one: UIString
  /// In Russian for 2–4, 22–24, …; English uses its plural here too.
  public var few: UIString
  /// For every other count.
  public var many: UIString

  /// Creates the three forms.
  public init(one: UIString, few: UIString, many: UIString) {
    self.one = one
    self.few = few
    self.many = many
  }
}

extension InterfaceLanguage {
  /// The text of `key` in this language, `%1`, `%2`, … filled with `arguments` in order.
  public func text(_ key: UIString, _ arguments: String...) -> String {
    UIText.text(key, in: self, arguments: arguments)
  }

  /// The form of a counted text that `count` takes, `%1` filled with the count and `%2`, …
  /// with `arguments`.
  public func text(_ keys: PluralKeys, count: Int, _ arguments: String...) -> String {
    UIText.text(pluralKey(keys, count: count), in: self, arguments: [String(count)] + arguments)
  }

  /// Which of the three forms `count` takes: English has one and many; Russian one for 1, 21,
  /// 31, … (not 11), few for 2–4, 22–24, … (not 12–14), many for the rest.
  public func pluralKey(_ keys: PluralKeys, count: Int) -> UIString {
    let number = abs(count)
    switch self {
    case .english:
      return number == 1 ? keys.one : keys.many
    case .russian:
      let lastTwo = number % 100
      let last = number % 10
      if last == 1 && lastTwo != 11 { return keys.one }
      if (2...4).contains(last) && !(12...14).contains(lastTwo) { return keys.few }
      return keys.many
    }
  }
}

extension PluralKeys {
  /// `1 lead`, `2 leads`.
  public static let leads = PluralKeys(one: .leadCountOne, few: .leadCountFew, many: .leadCountMany)
  /// Waiting leads in the quit question.
  static let quitWaiting = PluralKeys(
    one: .quitWaitingOne, few: .quitWaitingFew, many: .quitWaitingMany)
  /// Leads out of attempts in the quit question.
  static let quitExhausted = PluralKeys(
    one: .quitExhaustedOne, few: .quitExhaustedFew, many: .quitExhaustedMany)
  /// Uncertain leads in the quit question.
  static let quitUncertain = PluralKeys(
    one: .quitUncertainOne, few: .quitUncertainFew, many: .quitUncertainMany)
  /// Damaged history lines on the status line.
  static let historyDamaged = PluralKeys(
    one: .historyDamagedOne, few: .historyDamagedFew, many: .historyDamagedMany)
  /// Damaged history lines in the history pane's title.
  static let historyPaneDamaged = PluralKeys(
    one: .historyPaneDamagedOne, few: .historyPaneDamagedFew, many: .historyPaneDamagedMany)
}
