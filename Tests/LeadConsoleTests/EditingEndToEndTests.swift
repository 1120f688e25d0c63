import Foundation
import Testing

/// The editing keys as a real terminal (tmux) sends them, through curses and the key decoder,
/// down to what the sandbox receives.
@Suite("editing keys end to end", .serialized)
struct EditingEndToEndTests {
  static let key = "e2e-key-0123456789abcdef"

  @Test func editingKeysShapeExactlyWhatTheCRMReceives() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    try console.start()
    try terminal.waitFor("First name")

    // First name: Backspace, Ctrl-W, Ctrl-Y, Ctrl-Left, then typing inside.
    try terminal.type("Иван Петровв")
    try terminal.press("BSpace", "C-w", "C-y", "C-Left")
    try terminal.type("А. ")
    try terminal.press("Tab")
    // Last name: a typing run undone in one step, then Alt-B and Alt-F around a word.
    try terminal.type("Ошибка")
    try terminal.press("C-_")
    try terminal.type("Ёлкин")
    try terminal.press("M-b")
    try terminal.type("Д-")
    try terminal.press("M-f")
    try terminal.type("а")
    try terminal.press("Tab")
    try terminal.type("+7 912 345-67-89")
    try terminal.press("Tab", "Tab")
    // Comment: Alt-Enter starts a second line.
    try terminal.type("раз")
    try terminal.press("M-Enter")
    try terminal.type("два")
    try terminal.waitFor("два")
    try terminal.press("F2")

    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.first { $0.0 == "first_name" }?.1 == "Иван А. Петров")
    #expect(fields.first { $0.0 == "last_name" }?.1 == "Д-Ёлкина")
    #expect(fields.first { $0.0 == "comment" }?.1 == "раз\nдва")
    try terminal.waitFor("accepted")
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }

  @Test func helpOpensWithCtrlGAndClosesWithEsc() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.start()
    try terminal.waitFor("First name")
    try terminal.press("C-g")
    try terminal.waitFor("In the form")
    try terminal.press("Escape")
    try terminal.waitFor("Help closed")
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }
}
