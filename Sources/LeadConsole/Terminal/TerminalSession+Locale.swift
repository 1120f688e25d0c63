import CNcursesw
import Glibc

extension TerminalSession {
  /// Sets the locale from the environment, then makes sure characters are read and written as
  /// UTF-8. Answers a notice for the operator when it had to fall back to C.UTF-8, and refuses
  /// when no UTF-8 locale exists at all, rather than silently mangling non-Latin text.
  static func chooseLocale(environment: [String: String]) throws(TerminalError) -> String? {
    // An uninstalled locale (ru_RU.UTF-8 on a minimal system) makes this fail and leaves "C".
    let installed = setlocale(LC_ALL, "") != nil
    if codesetIsUTF8() { return nil }

    let setting = localeSetting(environment: environment)
    guard setlocale(LC_CTYPE, "C.UTF-8") != nil, codesetIsUTF8() else {
      throw .noUTF8Locale(setting: setting)
    }
    return installed
      ? "Locale \(setting) is not UTF-8: text is handled as UTF-8 (C.UTF-8)."
      : "Locale \(setting) is not installed: text is handled as UTF-8 (C.UTF-8)."
  }

  /// The variable that decides LC_CTYPE, as `NAME=value`, in the order the C library reads them.
  static func localeSetting(environment: [String: String]) -> String {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment[name], !value.isEmpty { return "\(name)=\(value)" }
    }
    return "LANG unset"
  }

  private static func codesetIsUTF8() -> Bool {
    guard let codeset = cn_codeset() else { return false }
    return String(cString: codeset) == "UTF-8"
  }
}
