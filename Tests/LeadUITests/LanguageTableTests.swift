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

  /// Key names and the tool name, which stay as the keyboard and the command line spell them.
  static let keyAndToolNames: Set<String> = ["Enter", "Space", "Home", "Tab", "curl"]

  /// The texts of `language` that end in "…" themselves, up to that mark.
  static func wholeTexts(_ language: InterfaceLanguage) -> [String] {
    UIText.table(for: language).values.filter { $0.hasSuffix("…") }.map { String($0.suffix(12)) }
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
      // A line cut short ends in "…" at the edge of its box; a text that itself ends in "…"
      // ("Saving…") is whole.
      let cut = lines.filter { line in
        line.contains { $0 == "…" } && !Self.wholeTexts(language).contains { line.contains($0) }
      }
      #expect(cut.isEmpty, "\(screen) in \(language) cuts text short: \(cut)")
      // A key's name on screen means a text missing from the table (names are camelCase).
      let keyNames = UIString.allCases.map { $0.rawValue }
        .filter { $0.contains { $0.isUppercase } && text.contains($0) }
      #expect(keyNames.isEmpty, "\(screen) in \(language) shows key names \(keyNames)")
    }
  }

  @Test(arguments: everyScreen)
  func theRussianInterfaceShowsNoEnglishBar(screen: NamedScreen) throws {
    let russian = try screen.make(.russian).screen.text
    let english = try screen.make(.english).screen.text
    #expect(russian != english, "\(screen) is the same in both languages")
    let lastLine = russian.split(separator: "\n").last ?? ""
    let latinWords = lastLine.split(separator: " ").filter { word in
      word.count > 3 && word.allSatisfy { $0.isASCII && $0.isLetter }
        && !Self.keyAndToolNames.contains(String(word))
    }
    #expect(latinWords.isEmpty, "\(screen): the Russian key bar has \(latinWords)")
  }
}
