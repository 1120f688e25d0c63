import Foundation
import Testing

/// The built console in tmux: resizing, leaving by key and by signal, and what it leaves of
/// the terminal.
@Suite("terminal end to end", .serialized)
struct TerminalEndToEndTests {
  static let key = "term-key-0123456789abcdef"

  @Test func resizingDownTo20x5AndBackKeepsTheTypedValueAndTheFocus() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.start()
    try terminal.waitFor("First name")
    try terminal.press("Tab")
    try terminal.type("Щёкин-Ёлкин")
    try terminal.waitFor("Щёкин-Ёлкин")

    let sizes = [(79, 24), (80, 23), (60, 20), (40, 10), (20, 5), (80, 24), (130, 40), (100, 30)]
    for (columns, rows) in sizes {
      try terminal.resize(columns: columns, rows: rows)
      if columns < 80 || rows < 24 {
        try terminal.waitFor("\(columns)×\(rows)")
        let screen = try terminal.screen()
        #expect(screen.contains("too small") || screen.contains("Too small"), "\(screen)")
        #expect(!screen.contains("Щёкин"))
      } else {
        try terminal.waitFor("Щёкин-Ёлкин")
        #expect(try !terminal.screen().contains("too small"))
      }
    }

    // Still in Last name: what is typed now joins the same field.
    try terminal.type("!")
    try terminal.waitFor("Щёкин-Ёлкин!")
    try terminal.press("C-q")
    try terminal.waitFor("the quit key again")
    try terminal.press("C-q")
    #expect(console.exitStatus() == "0")
  }

  @Test func aOneByOneWindowDoesNotEndTheConsole() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.start()
    try terminal.waitFor("First name")
    try terminal.type("Ия")

    for (columns, rows) in [(1, 1), (2, 1), (1, 3), (100, 30)] {
      try terminal.resize(columns: columns, rows: rows)
      #expect(console.exitStatus(within: 0.3) == nil, "ended at \(columns)×\(rows)")
    }
    try terminal.waitFor("Ия")
    try terminal.press("F10", "F10")
    #expect(console.exitStatus() == "0")
  }

  @Test func ctrlCLeavesTheTerminalExactlyAsItWas() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    let before = try console.ttySettings("stty-before.txt")
    let modesBefore = try terminal.modes()

    try console.start()
    try terminal.waitFor("First name")
    #expect(try terminal.modes().contains("alternate_on=1"))
    try terminal.press("C-c")

    #expect(console.exitStatus() == "0")
    #expect(try terminal.modes() == modesBefore)
    #expect(try console.ttySettings("stty-after.txt") == before)
    #expect(before?.contains("-icanon") == false)
  }

  @Test(
    "a stop signal leaves the terminal exactly as it was, with 128 + its number",
    arguments: [(SIGTERM, "143"), (SIGINT, "130"), (SIGHUP, "129")])
  func stopSignal(signal: Int32, status: String) throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    let before = try console.ttySettings("stty-before.txt")
    let modesBefore = try terminal.modes()

    try console.startRecordingPID()
    try terminal.waitFor("First name")
    try terminal.type("Пётр")
    try terminal.waitFor("Пётр")
    let pid = try #require(console.consolePID())
    kill(pid, signal)

    #expect(console.exitStatus() == status)
    #expect(try terminal.modes() == modesBefore)
    #expect(try console.ttySettings("stty-after.txt") == before)
    #expect(try !terminal.screen().contains("First name"))
  }

  @Test func aLeadInFlightWhenSIGTERMArrivesIsRecordedUncertainNeverAccepted() throws {
    let console = try ConsoleInTerminal(key: Self.key, sandboxArguments: ["--fault", "hang"])
    let (sandbox, terminal) = (console.sandbox, console.terminal)
    try console.startRecordingPID(arguments: ["--timeout", "60"])
    try terminal.waitFor("First name")
    try terminal.press("Tab", "Tab")
    try terminal.type("+7 912 000-00-00")
    try terminal.press("F2")
    #expect(eventually(within: 15) { (try? sandbox.records().count) == 1 })

    let pid = try #require(console.consolePID())
    kill(pid, SIGTERM)

    #expect(console.exitStatus() == "143")
    let history = try runConsole(
      ["history", "--json", "--log", console.log.path], environment: console.environment)
    #expect(history.standardOutput.contains("\"state\":\"uncertain\""), "\(history)")
    #expect(!history.standardOutput.contains("\"state\":\"accepted\""))
    #expect(!history.standardOutput.contains("\"state\":\"sending\""))
  }

  @Test func aCrashLeavesTheTerminalAsItWasAndItsReportReadable() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    let before = try console.ttySettings("stty-before.txt")
    let modesBefore = try terminal.modes()

    try console.startRecordingPID()
    try terminal.waitFor("First name")
    let pid = try #require(console.consolePID())
    kill(pid, SIGABRT)

    #expect(console.exitStatus(within: 60) == "134")
    #expect(try terminal.modes() == modesBefore)
    #expect(try console.ttySettings("stty-after.txt") == before)
  }

  @Test func aCrashWithTheBacktracerAtItsDefaultsDoesNotWaitForAKey() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    // An empty setting leaves the runtime at its defaults: on a terminal, a backtracer that
    // offers an interactive session and waits 30 s for a key.
    try console.startRecordingPID(variables: ["SWIFT_BACKTRACE": ""])
    try console.terminal.waitFor("First name")
    let pid = try #require(console.consolePID())
    kill(pid, SIGABRT)

    #expect(console.exitStatus(within: 20) == "134")
  }
}
