import Foundation
import Testing

/// The lead being typed survives the console's end: a hang-up, a kill, and the next start.
@Suite("draft end to end", .serialized)
struct DraftEndToEndTests {
  static let key = "draft-key-0123456789abcdef"

  /// Types a lead with a first name, a last name and a phone, from First name.
  private func typeLead(in terminal: TmuxSession) throws {
    try terminal.type("Ёжик")
    try terminal.press("Tab")
    try terminal.type("Щёкин-Ёлкин")
    try terminal.press("Tab")
    try terminal.type("+7 (912) 345-67-89")
    try terminal.waitFor("+7 (912) 345-67-89")
  }

  private func draftFile(of console: ConsoleInTerminal) -> URL {
    console.folder.file("h.draft.json")
  }

  @Test func aLeadTypedBeforeAHangUpIsInTheFormOnTheNextStartAndGoesOnceSent() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    try console.startRecordingPID()
    try terminal.waitFor("First name")
    try typeLead(in: terminal)

    let pid = try #require(console.consolePID())
    kill(pid, SIGHUP)
    #expect(console.exitStatus() == "129")
    let draft = draftFile(of: console)
    let attributes = try FileManager.default.attributesOfItem(atPath: draft.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

    try console.startRecordingPID()
    try terminal.waitFor("restored")
    let screen = try terminal.screen()
    #expect(screen.contains("Draft from"))
    #expect(screen.contains("Ёжик"))
    #expect(screen.contains("Щёкин-Ёлкин"))
    #expect(screen.contains("+7 (912) 345-67-89"))
    try terminal.press("F2")

    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })
    let fields = try sandbox.fields(ofRecord: 0)
    #expect(fields.first { $0.0 == "first_name" }?.1 == "Ёжик")
    #expect(fields.first { $0.0 == "last_name" }?.1 == "Щёкин-Ёлкин")
    #expect(fields.first { $0.0 == "phone" }?.1 == "+7 (912) 345-67-89")
    #expect(eventually(within: 5) { !FileManager.default.fileExists(atPath: draft.path) })
    try terminal.waitFor("accepted")
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }

  @Test func aLeadTypedASecondBeforeAKillComesBack() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.startRecordingPID()
    try terminal.waitFor("First name")
    try typeLead(in: terminal)

    // No signal handler runs on SIGKILL: only what the console saved while typing remains.
    let draft = draftFile(of: console)
    let saved = eventually(within: 3) {
      let text = (try? String(contentsOf: draft, encoding: .utf8)) ?? ""
      return text.contains("+7 (912) 345-67-89")
    }
    #expect(saved)
    let pid = try #require(console.consolePID())
    kill(pid, SIGKILL)
    #expect(console.exitStatus() == "137")
    try terminal.run("reset")

    try console.startRecordingPID()
    try terminal.waitFor("restored")
    #expect(try terminal.screen().contains("Щёкин-Ёлкин"))
    try terminal.press("F10", "F10")
    #expect(console.exitStatus() == "0")
    #expect(!FileManager.default.fileExists(atPath: draft.path))
  }

  @Test func aFormClearedByHandLeavesNoDraft() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.startRecordingPID()
    try terminal.waitFor("First name")
    try terminal.type("Ия")
    let draft = draftFile(of: console)
    #expect(eventually(within: 3) { FileManager.default.fileExists(atPath: draft.path) })

    try terminal.press("BSpace", "BSpace")
    #expect(eventually(within: 3) { !FileManager.default.fileExists(atPath: draft.path) })
    let pid = try #require(console.consolePID())
    kill(pid, SIGTERM)
    #expect(console.exitStatus() == "143")
    #expect(!FileManager.default.fileExists(atPath: draft.path))
  }
}
