import Foundation
import Testing

/// The console under locales this machine lacks or that are not UTF-8: characters fall back to
/// a UTF-8 locale, the status line says so, and what is typed reaches the CRM exactly.
@Suite("locale end to end", .serialized)
struct LocaleEndToEndTests {
  static let key = "locale-key-0123456789abcdef"

  /// A locale setting, the notice it brings in the language it names, and that language's word
  /// for an accepted lead.
  struct Setting: Sendable, CustomStringConvertible {
    var variable: String
    var value: String
    var notice: String
    var accepted: String
    var description: String { "\(variable)=\(value)" }
  }

  @Test(
    "a missing or non-UTF-8 locale falls back for characters and says so once",
    arguments: [
      Setting(
        variable: "LANG", value: "ru_RU.UTF-8",
        notice: "Локаль LANG=ru_RU.UTF-8 не установлена", accepted: "принят"),
      Setting(
        variable: "LANG", value: "ru_RU.KOI8-R",
        notice: "Локаль LANG=ru_RU.KOI8-R не установлена", accepted: "принят"),
      Setting(
        variable: "LC_ALL", value: "C", notice: "Locale LC_ALL=C is not UTF-8",
        accepted: "accepted"),
      Setting(
        variable: "LC_ALL", value: "POSIX", notice: "Locale LC_ALL=POSIX is not UTF-8",
        accepted: "accepted"),
    ])
  func fallback(setting: Setting) throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    try console.startRecordingPID(variables: [setting.variable: setting.value])
    try terminal.waitFor(setting.notice)

    try terminal.type("Щёкин Ёж")
    try terminal.press("Tab", "Tab")
    try terminal.type("+7 912 345-67-89")
    try terminal.press("Tab", "Tab")
    try terminal.type("Café e\u{301} 中文 ✓")
    try terminal.waitFor("Щёкин Ёж")
    try terminal.press("F2")

    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.first { $0.0 == "first_name" }?.1 == "Щёкин Ёж")
    let comment = fields.first { $0.0 == "comment" }?.1
    #expect(comment.map { Array($0.unicodeScalars) } == Array("Café e\u{301} 中文 ✓".unicodeScalars))
    try terminal.waitFor(setting.accepted)
    #expect(try !terminal.screen().contains(setting.notice))
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }
}
