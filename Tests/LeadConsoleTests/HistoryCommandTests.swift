import Foundation
import Testing

/// `lead-console history`, the whole process, on a log written as the console writes it.
@Suite("history command")
struct HistoryCommandTests {
  /// One `queued` record per lead, then an `outcome` for some, as JSON Lines.
  static let log =
    [
      queued("00000000000a", "Семён", "Ёжиков", phone: "8 (912) 345-67-89"),
      queued("00000000000b", "Алёна", "Иванова", phone: "+7 495 111-22-33"),
      #"{"attempt":1,"id":"00000000000a","kind":"accepted","reason":"HTTP 200","time":"2026-12-01T10:00:01.000Z","type":"outcome"}"#,
      queued("00000000000c", "Пётр", "Ежов", email: "Petr@Example.RU"),
      "{not json",
      queued("00000000000d", "Ирина", "Щёкина", phone: "+79123450000"),
    ].joined(separator: "\n") + "\n"

  static func queued(
    _ id: String, _ first: String, _ last: String, phone: String = "", email: String = ""
  ) -> String {
    #"{"endpoint":"http://127.0.0.1:9/api/site/","id":"\#(id)","lead":{"comment":"","email":"\#(email)","first_name":"\#(first)","last_name":"\#(last)","phone":"\#(phone)"},"method":"POST","time":"2026-12-01T10:00:00.000Z","type":"queued"}"#
  }

  private func history(_ arguments: [String]) throws -> ProcessResult {
    let folder = try ScratchFolder()
    let url = folder.file("history.jsonl")
    try Data(Self.log.utf8).write(to: url)
    return try runConsole(
      ["history", "--log", url.path] + arguments, environment: isolatedEnvironment(in: folder))
  }

  @Test(
    "--filter lists the leads the pane's filter finds, newest first",
    arguments: [
      ("ежиков", ["00000000000a"]),
      ("ЁЖ", ["00000000000c", "00000000000a"]),
      ("е", ["00000000000d", "00000000000c", "00000000000b", "00000000000a"]),
      ("ежиков семен", ["00000000000a"]),
      ("8 912 345", ["00000000000d", "00000000000a"]),
      ("+7 (495)", ["00000000000b"]),
      ("example.ru", ["00000000000c"]),
      ("nobody", []),
    ])
  func filterFindsTheSameLeadsAsThePane(query: String, expected: [String]) throws {
    let result = try history(["--filter", query, "--ids"])

    #expect(result.status == 0)
    #expect(result.standardOutput.split(separator: "\n").map(String.init) == expected)
    #expect(result.standardError.contains("skipped 1 damaged line(s)"))
    #expect(result.standardError.contains(": 5"))
  }

  @Test func filteredLeadsPrintInFullWithTheirState() throws {
    let result = try history(["--filter", "семён"])

    #expect(result.status == 0)
    #expect(result.standardOutput.contains("00000000000a"))
    #expect(result.standardOutput.contains("accepted"))
    #expect(result.standardOutput.contains("Семён Ёжиков"))
    #expect(!result.standardOutput.contains("Алёна"))
  }

  @Test func jsonAndIdsTogetherAreAUsageError() throws {
    let result = try history(["--json", "--ids"])

    #expect(result.status == 2)
    #expect(result.standardError.contains("--json and --ids"))
  }
}
