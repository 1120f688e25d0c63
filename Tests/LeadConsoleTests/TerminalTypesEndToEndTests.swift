import Foundation
import Testing

/// The console under several terminal descriptions, colour settings and locales, in tmux.
@Suite("terminal types end to end", .serialized)
struct TerminalTypesEndToEndTests {
  static let key = "types-key-0123456789abcdef"
  /// Shift Out and Shift In: tmux's capture wraps characters of the line-drawing set in them.
  static let shiftOut = "\u{0E}"
  static let shiftIn = "\u{0F}"

  /// Whether terminfo lists line drawing for a terminal type, as `tput` reads it.
  private func hasLineDrawing(_ term: String) throws -> Bool {
    let folder = try ScratchFolder()
    let output = folder.file("acsc")
    let tput = try ChildProcess(
      ["tput", "-T", term, "acsc"], environment: ProcessInfo.processInfo.environment,
      standardOutput: output)
    _ = tput.wait(within: 10)
    return !((try? String(contentsOf: output, encoding: .utf8)) ?? "").isEmpty
  }

  /// The row of a screen holding `text`.
  private func line(containing text: String, in screen: String) -> String? {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .first { $0.contains(text) }
  }

  @Test(
    "each terminal type draws the frame with its own lines or ASCII, and nothing else",
    arguments: ["vt100", "linux", "xterm-256color", "screen-256color", "tmux-256color", "xterm-r5"])
  func frameUnder(term: String) throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try terminal.resize(columns: 120, rows: 30)
    try console.startRecordingPID(variables: ["TERM": term])
    try terminal.waitFor("First name")
    try terminal.type("Щёкин 中文")
    try terminal.waitFor("Щёкин 中文")

    let screen = try terminal.screen()
    let attributed = try terminal.screenWithAttributes()
    let row = try #require(line(containing: "First name", in: screen))
    let attributedRow = try #require(line(containing: "First name", in: attributed))
    if try hasLineDrawing(term) {
      let unicode = row.contains("│ History")
      let lineSet = attributedRow.contains(Self.shiftOut + "x")
      #expect(unicode || lineSet, "\(term): \(attributedRow.debugDescription)")
    } else {
      #expect(row.contains("| History"), "\(term): \(row)")
      #expect(!attributed.contains(Self.shiftOut))
    }
    #expect(screen.contains("Gentleman CRM lead console"))
    #expect(!screen.contains("\u{1B}") && !screen.contains("\u{FFFD}"))
    for residue in ["[?", "(B", "(0", "[0m", "2004"] {
      #expect(!screen.contains(residue), "\(term) left \(residue) on screen")
    }

    // The quit keys every terminal has: Ctrl-Q, twice over a typed lead.
    try terminal.press("C-q", "C-q")
    #expect(console.exitStatus() == "0")
  }

  /// Colour codes in SGR sequences: 30–37, 38;…, 39 aside; 40–47, 48;…; 90–97, 100–107.
  private func hasColourCodes(_ attributed: String) -> Bool {
    let pattern = #"\x1B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m"#
    return attributed.range(of: pattern, options: .regularExpression) != nil
  }

  @Test(
    "NO_COLOR with any non-empty value gives attributes only; empty or unset gives colours",
    arguments: [("1", false), ("yes", false), ("", true), (nil, true)] as [(String?, Bool)])
  func noColor(value: String?, coloured: Bool) throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.startRecordingPID(variables: value.map { ["NO_COLOR": $0] } ?? [:])
    try terminal.waitFor("First name")

    let attributed = try terminal.screenWithAttributes()
    #expect(hasColourCodes(attributed) == coloured, "\(attributed.debugDescription)")
    // Without colour the focused box is told apart by reverse video.
    let reversed = attributed.contains("\u{1B}[7m") || attributed.contains(";7m")
    #expect(reversed == !coloured)
    try terminal.press("F10")
    #expect(console.exitStatus() == "0")
  }

  @Test func aTerminalWithoutColoursGetsTheMonochromeLook() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.startRecordingPID(variables: ["TERM": "vt100"])
    try terminal.waitFor("First name")

    let attributed = try terminal.screenWithAttributes()
    #expect(!hasColourCodes(attributed))
    #expect(attributed.contains("\u{1B}[7m") || attributed.contains(";7m"))
    try terminal.press("C-q")
    #expect(console.exitStatus() == "0")
  }
}
