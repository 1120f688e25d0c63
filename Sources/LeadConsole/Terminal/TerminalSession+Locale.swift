import CNcursesw
import Glibc
import LeadUI

/// The locale characters are handled in when the one the environment names is missing or is
/// not UTF-8; the operator is told once, in the interface's language.
struct LocaleFallback: Sendable, Equatable {
  /// The variable that named the locale, as `NAME=value`, or nil when none is set.
  var setting: String?
  /// The UTF-8 locale taken for characters instead.
  var fallback: String
  /// True when the named locale exists but is not UTF-8; false when it is not installed.
  var isInstalled: Bool

  /// What the status line says about it, in `language`.
  func notice(in language: InterfaceLanguage) -> String {
    let named = setting ?? language.text(.localeUnset)
    return language.text(isInstalled ? .localeNotUTF8 : .localeMissing, named, fallback)
  }
}

extension TerminalSession {
  /// UTF-8 locales tried, in order, when the environment's locale is missing or not UTF-8.
  /// C.UTF-8 comes with every current glibc; the others cover systems that lack it.
  static let fallbackLocales = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_GB.UTF-8"]

  /// Sets the locale from the environment, then makes sure characters are read and written as
  /// UTF-8. Answers the fallback to tell the operator about when it had to take another locale
  /// for characters (the interface language still follows the variables), and refuses when no
  /// UTF-8 locale exists at all, rather than silently mangling non-Latin text.
  static func chooseLocale(environment: [String: String]) throws(TerminalError) -> LocaleFallback? {
    // An uninstalled locale (ru_RU.UTF-8 on a minimal system) makes this fail and leaves "C".
    let installed = setlocale(LC_ALL, "") != nil
    if codesetIsUTF8() { return nil }

    let setting = localeSetting(environment: environment)
    // Only the character type changes: messages, times and numbers keep what was accepted.
    guard
      let fallback = fallbackLocales.first(where: { name in
        setlocale(LC_CTYPE, name) != nil && codesetIsUTF8()
      })
    else {
      // Printed before the interface starts, so in English.
      throw .noUTF8Locale(setting: setting ?? UIText.text(.localeUnset, in: .english))
    }
    return LocaleFallback(setting: setting, fallback: fallback, isInstalled: installed)
  }

  /// The variable that decides LC_CTYPE, as `NAME=value`, in the order the C library reads
  /// them; nil when none is set.
  static func localeSetting(environment: [String: String]) -> String? {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment[name], !value.isEmpty { return "\(name)=\(value)" }
    }
    return nil
  }

  private static func codesetIsUTF8() -> Bool {
    guard let codeset = cn_codeset() else { return false }
    return String(cString: codeset) == "UTF-8"
  }
}
