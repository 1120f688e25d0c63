/// The language of the console's words, chosen from the locale variables the operator set.
///
/// It follows the variables themselves, not the locale the C library accepted: a server that
/// lacks `ru_RU.UTF-8` still has an operator who reads Russian, while characters are then
/// handled as C.UTF-8.
public enum InterfaceLanguage: String, Sendable, Equatable, CaseIterable {
  /// English.
  case english = "en"
  /// Russian.
  case russian = "ru"

  /// The language the variables name, read in the C library's order for messages: `LC_ALL`,
  /// then `LC_MESSAGES`, then `LANG`; the first one set decides. A value starting with `ru`
  /// (`ru_RU.UTF-8`, `ru_UA.KOI8-U`, `ru`) is Russian; anything else, or nothing, is English.
  public init(environment: [String: String]) {
    let setting = ["LC_ALL", "LC_MESSAGES", "LANG"]
      .lazy
      .compactMap { environment[$0] }
      .first { !$0.isEmpty }
    self = InterfaceLanguage(localeName: setting ?? "")
  }

  /// The language a locale name stands for: its language part before `_`, `.` or `@`.
  public init(localeName: String) {
    let language = localeName.prefix { $0 != "_" && $0 != "." && $0 != "@" }
    self = language.lowercased() == "ru" ? .russian : .english
  }
}
