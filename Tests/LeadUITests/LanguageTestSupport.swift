import Foundation
import LeadCore
import LeadUI

/// A console in `language` at 80×24, its clock at `historyNoon` and times in UTC, holding
/// `entries`; with a schema, its preview and curl builders too.
func makeConsole(
  language: InterfaceLanguage, schema: Schema = Schema(), entries: [HistoryEntry] = [],
  canSend: Bool = true, isSandbox: Bool = false
) -> ConsoleState {
  var state = ConsoleState(
    context: ConsoleContext(
      endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: canSend ? "••••••••cdef" : nil,
      canSend: canSend, timeZone: TimeZone(identifier: "UTC") ?? .current, schema: schema,
      preview: { previewClient.dryRun(for: $0) }, curlPreview: curlCommand(for:),
      isSandbox: isSandbox, now: { historyNoon }, language: language))
  _ = state.handle(.resized(rows: 24, columns: 80))
  _ = state.handle(.historyLoaded(HistorySnapshot(entries: entries)))
  return state
}

/// One screen of the console, named for the test's arguments.
struct NamedScreen: CustomStringConvertible, Sendable {
  /// What the screen shows.
  var name: String
  /// The console showing it, in the language being tested.
  var make: @Sendable (InterfaceLanguage) throws -> ConsoleState

  var description: String { name }
}

/// Every screen the console has, each filled with text that makes its lines long: a lead
/// typed, leads in every state, a lead with attempts and CRM errors.
let everyScreen: [NamedScreen] = [
  NamedScreen(name: "form with history") { language in
    var console = makeConsole(language: language, entries: paneEntries)
    console.type("Константин")
    return console
  },
  NamedScreen(name: "form with problems marked") { language in
    var console = makeConsole(language: language)
    console.fillForm([.firstName: "Анна", .phone: "12ab", .email: "анна@"])
    console.press(.function(2))
    return console
  },
  NamedScreen(name: "form with schema fields") { language in
    var console = makeConsole(language: language, schema: try sampleSchema())
    for _ in 0..<8 { console.press(.tab) }
    return console
  },
  NamedScreen(name: "open pick list") { language in
    var console = makeConsole(language: language, schema: try sampleSchema())
    for _ in 0..<11 { console.press(.tab) }
    console.press(.enter)
    return console
  },
  NamedScreen(name: "field browser") { language in
    var console = makeConsole(language: language, schema: try sampleSchema())
    console.press(.function(3))
    return console
  },
  NamedScreen(name: "history list") { language in
    var console = makeConsole(language: language, entries: paneEntries)
    console.press(.function(4), .function(5))
    return console
  },
  NamedScreen(name: "history detail") { language in
    var console = makeConsole(language: language, entries: [detailedEntry()])
    console.press(.function(4), .enter)
    return console
  },
  NamedScreen(name: "settings") { language in
    var console = makeConsole(language: language, isSandbox: true)
    console.press(.function(9))
    console.type("sandbox-demo-key-0042")
    console.press(.function(2))
    return console
  },
  NamedScreen(name: "settings without a key") { language in
    var console = makeConsole(language: language, canSend: false)
    console.press(.function(9))
    return console
  },
  NamedScreen(name: "help") { language in
    var console = makeConsole(language: language)
    console.press(.function(1))
    return console
  },
  NamedScreen(name: "help, last page") { language in
    var console = makeConsole(language: language)
    console.press(.function(1), .end)
    return console
  },
  NamedScreen(name: "request preview") { language in
    var console = makeConsole(language: language)
    console.fillForm([.firstName: "Иван", .phone: "+7 912 345-67-89"])
    console.press(.function(6))
    return console
  },
  NamedScreen(name: "quit question") { language in
    var console = makeConsole(language: language, entries: paneEntries)
    console.type("Иван")
    console.press(.function(10))
    return console
  },
]
