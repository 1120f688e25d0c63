import Foundation
import LeadCore
import LeadUI
import Testing

/// A lead with `count` attempts, each with a reason too long for one row that ends in its own
/// marker, `reason-end-N`.
private func entryWithLongReasons(count: Int) -> HistoryEntry {
  var entry = detailedEntry()
  entry.attempts = (1...count).map { number in
    AttemptRecord(
      number: number, startedAt: historyNoon, finishedAt: historyNoon.addingTimeInterval(1),
      outcome: Outcome(
        kind: .notDelivered,
        reason: String(repeating: "the proxy closed the connection ", count: 4)
          + "reason-end-\(number)"))
  }
  return entry
}

@Suite("History detail: long lines wrap instead of being cut")
struct HistoryDetailWrapTests {
  @Test(
    "the endpoint and the attempt lines go on over indented rows",
    arguments: [
      InterfaceLanguage.english, .russian,
    ])
  func longLinesWrap(language: InterfaceLanguage) {
    var console = makeConsole(language: language, entries: [detailedEntry()])
    console.press(.function(4), .enter)
    let rows = (0..<22).map { console.screen.text(ofRow: $0) }

    #expect(!rows.joined().contains("…"))
    #expect(rows.contains { $0.contains("http://127.0.0.1:8080/api/site/") && $0.contains("POST") })
    #expect(rows.contains { $0.hasPrefix("     HTTP 200") })
  }

  @Test("scrolling down row by row shows every attempt's whole reason and stops at the last")
  func everyReasonCanBeScrolledTo() {
    var console = makeConsole(language: .english, entries: [entryWithLongReasons(count: 6)])
    console.press(.function(4), .enter)
    var seen = console.screen.text
    var previous = ""
    for _ in 0..<60 where console.screen.text != previous {
      previous = console.screen.text
      console.press(.down)
      seen += console.screen.text
    }

    for number in 1...6 {
      #expect(seen.contains("reason-end-\(number)"))
    }
    #expect(console.screen.text == previous)
    let lastRow = (0..<22).map { console.screen.text(ofRow: $0) }
      .last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(lastRow?.contains("reason-end-6") == true)
    console.press(.home)
    #expect(console.screen.text(ofRow: 2).contains("State:"))
  }
}
