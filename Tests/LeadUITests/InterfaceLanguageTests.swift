import LeadUI
import Testing

@Suite("InterfaceLanguage")
struct InterfaceLanguageTests {
  @Test(
    "the first locale variable set decides, in the order LC_ALL, LC_MESSAGES, LANG",
    arguments: [
      (["LANG": "ru_RU.UTF-8"], InterfaceLanguage.russian),
      (["LANG": "ru_RU.KOI8-R"], .russian),
      (["LANG": "ru_UA.UTF-8@euro"], .russian),
      (["LANG": "ru"], .russian),
      (["LANG": "RU_ru.utf8"], .russian),
      (["LANG": "en_US.UTF-8"], .english),
      (["LANG": "C.UTF-8"], .english),
      (["LANG": "rus"], .english),
      ([:], .english),
      (["LC_ALL": "", "LANG": "ru_RU.UTF-8"], .russian),
      (["LC_MESSAGES": "en_GB.UTF-8", "LANG": "ru_RU.UTF-8"], .english),
      (["LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .russian),
      (["LC_CTYPE": "ru_RU.UTF-8", "LANG": "C"], .english),
    ])
  func chosenFromVariables(environment: [String: String], expected: InterfaceLanguage) {
    #expect(InterfaceLanguage(environment: environment) == expected)
  }

  @Test func theContextCarriesTheLanguageItIsGiven() {
    let context = ConsoleContext(
      endpoint: "http://127.0.0.1:1/", maskedKey: nil, canSend: false, language: .russian)
    #expect(context.language == .russian)
    #expect(ConsoleState(context: context).context.language == .russian)
  }
}
