import Foundation
import LeadUI
import Testing

@Suite("Interface language tables")
struct LanguageTableTests {
  @Test(arguments: InterfaceLanguage.allCases)
  func everyKeyHasATextInEveryLanguage(language: InterfaceLanguage) {
    let table = UIText.table(for: language)
    let missing = UIString.allCases.filter { table[$0] == nil }
    #expect(missing.isEmpty, "\(language) lacks \(missing.map { $0.rawValue })")
    #expect(table.count == UIString.allCases.count)
    let empty = table.filter { $0.value.isEmpty }.map { $0.key.rawValue }
    #expect(empty.isEmpty, "\(language) has empty texts for \(empty)")
  }

  @Test func translationsTakeTheSameValues() {
    let differing = UIString.allCases.filter { key in
      UIText.placeholders(in: UIText.table(for: .english)[key] ?? "")
        != UIText.placeholders(in: UIText.table(for: .russian)[key] ?? "")
    }
    #expect(differing.isEmpty, "placeholders differ in \(differing.map { $0.rawValue })")
  }

  @Test func russianTextsAreRussian() {
    // A Russian text with no Cyrillic letter is an English one left behind; a few are the same
    // in both languages by nature (a code, a number, a key name).
    let sameInBoth = UIString.allCases.filter { key in
      let text = UIText.table(for: .russian)[key] ?? ""
      let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
      let cyrillic = letters.filter { (0x400...0x4FF).contains($0.value) }
      return letters.count > 3 && cyrillic.isEmpty
    }
    #expect(sameInBoth.count <= 8, "untranslated: \(sameInBoth.map { $0.rawValue })")
  }

  @Test func placeholdersAreFilledInTheirOwnOrderAndValuesAreNotReadAgain() {
    #expect(UIText.format("%2 из %1", ["10", "3"]) == "3 из 10")
    #expect(UIText.format("%1 — 100%%", ["%2"]) == "%2 — 100%")
    #expect(UIText.format("%3 left", ["a"]) == "%3 left")
  }

  @Test(arguments: everyScreen)
  func everyScreenFitsAt80x24InBothLanguages(screen: NamedScreen) throws {
    for language in InterfaceLanguage.allCases {
      let console = try screen.make(language)
      let text = console.screen.text
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count >= 24, "\(screen) in \(language)")
      let cut = lines.filter { isCutShort(String($0), in: language) }
      #expect(cut.isEmpty, "\(screen) in \(language) cuts text short: \(cut)")
      // Key names are camelCase; a plain word such as "queued" is a text, not a key.
      let words = Set(text.split { !$0.isLetter && !$0.isNumber }.map(String.init))
      let keyNames = UIString.allCases.map { $0.rawValue }
        .filter { $0.contains { $0.isUppercase } && words.contains($0) }
      #expect(keyNames.isEmpty, "\(screen) in \(language) shows key names \(keyNames)")
    }
  }

  /// Key names as the key bar shows them, and the name of the tool: the same in both
  /// languages.
  static let namesKeptInRussian: Set<String> = [
    "Enter", "Space", "Tab", "Esc", "Home", "PgUp", "PgDn", "Bksp", "curl",
  ]

  @Test func aCutTextIsToldFromATextThatEndsInAnEllipsis() {
    #expect(!isCutShort("  Applying for this session…        ", in: .english))
    #expect(!isCutShort(" Checking key ••••cdef with the CRM… ", in: .english))
    #expect(!isCutShort(" Проверяю ключ ••••cdef… ", in: .russian))
    #expect(isCutShort(" Press the quit key again to leave: 2 waiting leads go o… ", in: .english))
    #expect(isCutShort(" Saving the sett… ", in: .english))
    #expect(isCutShort(" Сохраняю настро… ", in: .russian))
  }

  @Test(arguments: everyScreen)
  func theRussianInterfaceShowsNoEnglishBar(screen: NamedScreen) throws {
    let russian = try screen.make(.russian).screen.text
    let english = try screen.make(.english).screen.text
    #expect(russian != english, "\(screen) is the same in both languages")
    let lastLine = russian.split(separator: "\n").last ?? ""
    let latinWords = lastLine.split(separator: " ").filter { word in
      word.count > 3 && word.allSatisfy { $0.isASCII && $0.isLetter }
        && !Self.namesKeptInRussian.contains(String(word))
    }
    #expect(latinWords.isEmpty, "\(screen): the Russian key bar has \(latinWords)")
  }
}

/// Whether a screen line holds a text cut short: an ellipsis that is not the end of one of the
/// language's own texts that end in one ("Saving…", "Checking key %1…"), matched whole with
/// its values in place. A value right before the ellipsis matches any text, so a cut inside
/// a value there ("Checking key %1…") passes unnoticed.
func isCutShort(_ line: String, in language: InterfaceLanguage) -> Bool {
  guard line.contains("…") else { return false }
  var rest = line
  for expression in ellipsisTexts[language] ?? [] {
    let whole = NSRange(rest.startIndex..., in: rest)
    rest = expression.stringByReplacingMatches(in: rest, range: whole, withTemplate: "")
  }
  return rest.contains("…")
}

/// Per language, its texts that end in an ellipsis as patterns, values matching anything.
/// Built once: compiling them for every screen line would dominate the test run.
let ellipsisTexts: [InterfaceLanguage: [NSRegularExpression]] =
  Dictionary(
    uniqueKeysWithValues: InterfaceLanguage.allCases.map { language in
      let patterns = UIText.table(for: language).values.filter { $0.contains("…") }.map {
        template in
        template.components(separatedBy: "%")
          .enumerated()
          .map { index, part in
            guard index > 0 else { return NSRegularExpression.escapedPattern(for: part) }
            let digits = part.prefix { $0.isNumber }
            return (digits.isEmpty ? "%" : ".+?")
              + NSRegularExpression.escapedPattern(for: String(part.dropFirst(digits.count)))
          }
          .joined()
      }
      return (language, patterns.compactMap { try? NSRegularExpression(pattern: $0) })
    })
