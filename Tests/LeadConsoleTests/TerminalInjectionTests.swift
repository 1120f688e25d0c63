import Foundation
import Testing

/// Text from the network, the history log and the schema reaches the terminal only with its
/// control characters and escape sequences neutralised: every printed byte is checked.
@Suite("No terminal injection through any command's output")
struct TerminalInjectionTests {
  /// A window-title OSC, a clear-screen CSI, a C1 CSI (U+009B), a bidi override and isolate.
  static let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m\u{202E}dlrow\u{2066}x"
  /// The same, as JSON escapes, for files written by hand.
  static let hostileJSON = #"\u001b]0;owned\u0007\u001b[2J\u009b31m\u202edlrow\u2066x"#

  /// Records an issue for every character in `text` that a terminal would obey: C0 controls
  /// other than the line feed, DEL, C1 controls, bidi marks, overrides and isolates.
  static func expectInert(_ text: String, _ place: String) {
    for scalar in text.unicodeScalars where isObeyed(scalar) {
      Issue.record("U+\(String(scalar.value, radix: 16, uppercase: true)) reaches \(place)")
    }
  }

  static func isObeyed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
    default: false
    }
  }

  static let key = "TESTKEY-0123456789abcdef"

  @Test func aHostileAnswerAndCommentAreShownInertBySendRetryAndHistory() throws {
    let folder = try ScratchFolder()
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])
    let echo = try SandboxProcess(
      key: Self.key, recordFile: folder.file("echo.jsonl"), extraArguments: ["--fault", "echo"])
    let closed = "http://127.0.0.1:\(try unusedLoopbackPort())/api/site/"
    let log = ["--log", folder.file("h.jsonl").path]
    let lead = ["--phone", "+7 912 345-67-89", "--comment", Self.hostile]

    // Each run, and whether its output shows the comment (echoed back, or from the log).
    let runs: [(String, [String], Bool)] = [
      ("send", ["send", "--endpoint", echo.url] + lead + log, true),
      (
        "send --json",
        ["send", "--json", "--allow-duplicate", "--endpoint", echo.url] + lead + log, true
      ),
      (
        "send to a closed port",
        ["send", "--allow-duplicate", "--endpoint", closed] + lead + log, false
      ),
      ("retry", ["retry", "--endpoint", echo.url] + log, true),
      ("history", ["history"] + log, true),
      ("history --json", ["history", "--json"] + log, true),
    ]
    for (name, arguments, showsComment) in runs {
      let result = try runConsole(arguments, environment: environment)
      Self.expectInert(result.standardOutput, "the output of \(name)")
      Self.expectInert(result.standardError, "the errors of \(name)")
      #expect(result.standardOutput.contains("dlrow") == showsComment, "\(name)")
    }
    let echoed = try String(contentsOf: echo.recordFile, encoding: .utf8)
    #expect(echoed.contains(#"\u001b]0;owned"#), "the CRM got the comment exactly")
  }

  @Test func aHostileHistoryLogIsListedInert() throws {
    let folder = try ScratchFolder()
    let log = folder.file("h.jsonl")
    let lines = [
      #"{"endpoint":"http://127.0.0.1:1/api/site/\#(Self.hostileJSON)","id":"0123456789ab","#
        + #""lead":{"comment":"","email":"","first_name":"\#(Self.hostileJSON)","#
        + #""last_name":"\u0085\u2028\u2029","phone":"+7 912 345-67-89"},"method":"POST","#
        + #""time":"2026-12-03T10:00:00.000Z","type":"queued"}"#,
      #"{"attempt":1,"id":"0123456789ab","pid":1,"time":"2026-12-03T10:00:00.500Z","#
        + #""type":"sending"}"#,
      #"{"attempt":1,"id":"0123456789ab","kind":"uncertain","reason":"\#(Self.hostileJSON)","#
        + #""time":"2026-12-03T10:00:01.000Z","type":"outcome"}"#,
    ]
    try Data(lines.joined(separator: "\n").utf8).write(to: log)

    for arguments in [["history"], ["history", "--json"]] {
      let result = try runConsole(
        arguments + ["--log", log.path], environment: isolatedEnvironment(in: folder))
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.contains("dlrow"))
      Self.expectInert(result.standardOutput, "the output of \(arguments.joined(separator: " "))")
      Self.expectInert(result.standardError, "the errors of \(arguments.joined(separator: " "))")
    }
  }

  @Test func hostileSchemaLabelsAndCodesArePrintedInert() throws {
    let folder = try ScratchFolder()
    let good = folder.file("schema.json")
    try Data(
      (#"{"fields":[{"code":"city","group":"contact","type":"select","label":"\#(Self.hostileJSON)","#
        + #""hint":"\#(Self.hostileJSON)","options":["\#(Self.hostileJSON)"]}]}"#).utf8
    ).write(to: good)
    let bad = folder.file("bad.json")
    try Data(
      (#"{"fields":[{"code":"\#(Self.hostileJSON)","group":"\#(Self.hostileJSON)","#
        + #""type":"string","label":"x","\#(Self.hostileJSON)":1}]}"#).utf8
    ).write(to: bad)
    let environment = isolatedEnvironment(in: folder, extra: ["GENTLEMAN_API_KEY": Self.key])

    let runs: [(String, [String], Int32)] = [
      ("schema show", ["schema", "show", "--schema", good.path], 0),
      ("schema show --json", ["schema", "show", "--json", "--schema", good.path], 0),
      ("schema check", ["schema", "check", bad.path], 1),
      (
        "send with a broken schema",
        ["send", "--dry-run", "--phone", "+7 912 345-67-89", "--schema", bad.path], 0
      ),
      (
        "send with a hostile field code",
        ["send", "--dry-run", "--phone", "+7 912 345-67-89", "--field", Self.hostile + "=1"], 2
      ),
    ]
    for (name, arguments, status) in runs {
      let result = try runConsole(arguments, environment: environment)
      #expect(result.status == status, "\(name): \(result.standardError)")
      Self.expectInert(result.standardOutput, "the output of \(name)")
      Self.expectInert(result.standardError, "the errors of \(name)")
    }
  }
}
