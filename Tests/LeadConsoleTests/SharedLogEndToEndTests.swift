import Foundation
import LeadCore
import Testing

/// A running console follows what other processes append to its history log: another
/// operator's leads show in its pane and count for its duplicate check, and a lead another
/// process left queued is sent.
@Suite("a history log shared while the console runs")
struct SharedLogEndToEndTests {
  static let key = "shared-log-key-0123456789abcdef"

  @Test func leadsAppendedByAnotherProcessShowCountAsDuplicatesAndAreSentWhenLeft() throws {
    let console = try ConsoleInTerminal(key: Self.key)
    let terminal = console.terminal
    try console.start()
    try terminal.waitFor("First name")
    try terminal.press("Tab", "Tab")
    try terminal.type("+7 912 500-00-01")
    try terminal.press("F2")
    try terminal.waitFor("accepted")

    // Another process: one lead it sent, one it left queued an hour ago and never sent.
    let log = HistoryLog(url: console.log)
    let endpoint = console.sandbox.url
    let sent = LeadID(rawValue: "0000000000d1")
    let left = LeadID(rawValue: "0000000000d2")
    try log.append(contentsOf: [
      .queued(
        id: sent, time: Date(), lead: Lead(firstName: "Другой", phone: "+7 912 500-00-02"),
        endpoint: endpoint, method: .post, operatorName: "Мария"),
      .sending(id: sent, time: Date(), attempt: 1, pid: nil),
      .outcome(
        id: sent, time: Date(), attempt: 1,
        outcome: Outcome(kind: .accepted, httpStatus: 200, reason: "HTTP 200")),
      .queued(
        id: left, time: Date() - 3_600,
        lead: Lead(firstName: "Брошенный", phone: "+7 912 500-00-03"),
        endpoint: endpoint, method: .post, operatorName: "Мария"),
    ])

    let leftSent = eventually(within: 20) {
      log.load().entries.first { $0.id == left }?.state == .accepted
    }
    #expect(leftSent, "\((try? terminal.screen()) ?? "")")
    try terminal.press("F4")
    try terminal.waitFor("3 of 3")
    #expect(try terminal.screen().contains("Другой"))
    try terminal.press("Escape")

    try terminal.press("Tab", "Tab")
    try terminal.type("8 912 500-00-02")
    try terminal.press("F2")
    try terminal.waitFor("Другой")
    let screen = try terminal.screen()
    #expect(screen.contains("Same phone as Другой"), "\(screen)")
    let records = try console.sandbox.records()
    #expect(records.count == 2)
    try terminal.press("Escape", "F10")
    try terminal.press("F10")
    #expect(console.exitStatus() != nil)
  }
}
