import Foundation
import Testing

/// The console over a history log far larger than a page: the pane lists and filters every
/// lead, an old lead's details are read back from the file, and resending it works.
@Suite("Large history in the console")
struct LargeHistoryEndToEndTests {
  static let key = "TESTKEY-0123456789abcdef"
  static let leads = 20_000

  /// `count` leads in the log's own format: accepted, except the oldest, which was not
  /// delivered, and one "Зоя Старова" near the start.
  static func writeLog(to url: URL, count: Int) throws {
    var text = ""
    text.reserveCapacity(count * 330)
    for number in 0..<count {
      let id = String(format: "%012x", number + 1)
      let (first, last) = number == 1 ? ("Зоя", "Старова") : ("Пётр", "Номер\(number)")
      let phone = String(
        format: "+7 900 %03d-%02d-%02d", number / 10_000, number / 100 % 100, number % 100)
      text +=
        #"{"endpoint":"http://127.0.0.1:9/api/site/","id":"\#(id)","lead":{"comment":"","email":"","first_name":"\#(first)","last_name":"\#(last)","phone":"\#(phone)"},"method":"POST","time":"2026-01-01T10:00:00.000Z","type":"queued"}"#
      text += "\n"
      let kind = number == 0 ? "not_delivered" : "accepted"
      text +=
        #"{"attempt":1,"id":"\#(id)","kind":"\#(kind)","reason":"HTTP 200","time":"2026-01-01T10:00:01.000Z","type":"outcome"}"#
      text += "\n"
    }
    try Data(text.utf8).write(to: url)
  }

  @Test func thePaneListsAndFiltersEveryLeadOfALargeLog() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    try Self.writeLog(to: console.log, count: Self.leads)
    try console.start()
    #expect(try console.terminal.waitFor("Номер19999"))

    try console.terminal.press("F4")
    #expect(try console.terminal.waitFor("\(Self.leads) of \(Self.leads)"))
    try console.terminal.type("зоя стар")
    #expect(try console.terminal.waitFor("1 of \(Self.leads)"))
    #expect(try console.terminal.screen().contains("Старова"))

    // The oldest lead, far outside the newest page, is read back and resent from its details.
    try console.terminal.press("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
    try console.terminal.press("BSpace", "BSpace")
    try console.terminal.type("+7 900 000-00-00")
    #expect(try console.terminal.waitFor("1 of \(Self.leads)"))
    try console.terminal.press("Enter")
    #expect(try console.terminal.waitFor("not delivered"))
    try console.terminal.press("F2")
    #expect(eventually(within: 15) { (try? console.sandbox.records().count) == 1 })
    #expect(try console.terminal.waitFor("accepted"))
  }
}
