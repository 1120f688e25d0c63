import Foundation
import LeadCore
import Testing

@Suite("DraftStore")
struct DraftStoreTests {
  /// Whole seconds: the file keeps times to the second.
  private let savedAt = Date(timeIntervalSince1970: 1_796_306_520)

  private func draft(_ pairs: [(String, String)], focus: String? = "phone") -> Draft {
    Draft(
      savedAt: savedAt, focus: focus, fields: pairs.map { DraftField(code: $0.0, value: $0.1) })
  }

  private func mode(of url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test(
    "a saved draft reads back exactly, whatever the script",
    arguments: [
      [("first_name", "Ёлка Щёкина"), ("phone", " +7 (912) 345-67-89 ")],
      [("last_name", "e\u{301}te\u{301} Café"), ("comment", "строка 1\nстрока 2\r\n\tконец")],
      [("first_name", "中文名字"), ("comment", "👩‍👩‍👧 🇷🇺 \"quoted\" \\ / </>")],
      [("first_name", ""), ("phone", ""), ("subscribed", "1"), ("city", "")],
    ])
  func roundTrip(pairs: [(String, String)]) throws {
    let directory = try TemporaryDirectory()
    let store = DraftStore(url: directory.file("h.draft.json"))
    let original = draft(pairs)

    try store.save(original)
    let loaded = try #require(try store.load())

    #expect(loaded == original)
    #expect(
      loaded.fields.map { Array($0.value.unicodeScalars) }
        == original.fields.map { Array($0.value.unicodeScalars) })
  }

  @Test func noFileMeansNoDraft() throws {
    let directory = try TemporaryDirectory()
    #expect(try DraftStore(url: directory.file("none.draft.json")).load() == nil)
  }

  @Test func theFileIsPrivateAndItsMissingFolderIsCreatedPrivate() throws {
    let directory = try TemporaryDirectory()
    let folder = directory.file("state/gentleman-lead-console")
    let store = DraftStore(url: folder.appendingPathComponent("history.draft.json"))

    try store.save(draft([("first_name", "Иван")]))

    #expect(try mode(of: store.url) & 0o777 == 0o600)
    #expect(try mode(of: folder) & 0o777 == 0o700)
  }

  @Test func aSaveReplacesTheDraftWholeAndLeavesNoTemporaryFile() throws {
    let directory = try TemporaryDirectory()
    let store = DraftStore(url: directory.file("h.draft.json"))
    let long = draft([("comment", String(repeating: "длинный текст ", count: 2_000))])
    let short = draft([("first_name", "Ия")], focus: "first_name")

    try store.save(long)
    try store.save(short)

    #expect(try store.load() == short)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    #expect(names == ["h.draft.json"])
  }

  @Test func removingDeletesTheDraftAndIsHarmlessWhenItIsGone() throws {
    let directory = try TemporaryDirectory()
    let store = DraftStore(url: directory.file("h.draft.json"))
    try store.save(draft([("phone", "8 999 123-45-67")]))

    try store.remove()
    try store.remove()

    #expect(try store.load() == nil)
    #expect(!FileManager.default.fileExists(atPath: store.url.path))
  }

  @Test(
    "a damaged or foreign file is reported with its path, never half read",
    arguments: [
      "", "{", #"{"version":1,"saved_at":"2026-12-03T14:02:00Z","fields":[{"code":"phone""#,
      #"{"version":2,"saved_at":"2026-12-03T14:02:00Z","fields":[]}"#,
      #"{"version":1,"saved_at":"yesterday","fields":[]}"#, "[1,2,3]",
    ])
  func damagedFile(text: String) throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(text, to: "h.draft.json")

    #expect(
      throws: DraftError.unreadable(path: url.path, reason: "not a draft: damaged or cut short")
    ) {
      try DraftStore(url: url).load()
    }
  }

  @Test func aDraftThatCannotBeWrittenSaysWhereAndKeepsNothingHalfWritten() throws {
    let directory = try TemporaryDirectory()
    // A file where the folder should be: the folder cannot be created.
    let blocker = try directory.write("not a folder", to: "state")
    let store = DraftStore(url: blocker.appendingPathComponent("h.draft.json"))

    let error = #expect(throws: DraftError.self) { try store.save(draft([("phone", "1")])) }

    guard case .notSaved(let path, _)? = error else {
      Issue.record("expected notSaved, got \(String(describing: error))")
      return
    }
    #expect(path == store.url.path)
    #expect(try String(contentsOf: blocker, encoding: .utf8) == "not a folder")
  }

  @Test(
    "the draft file sits beside its history log, named after it",
    arguments: [
      ("/s/gentleman-lead-console/history.jsonl", "/s/gentleman-lead-console/history.draft.json"),
      ("/s/sandbox-history.jsonl", "/s/sandbox-history.draft.json"),
      ("/tmp/x/h.log", "/tmp/x/h.log.draft.json"),
    ])
  func fileBesideLog(log: String, expected: String) {
    #expect(DraftStore.file(besideLog: URL(fileURLWithPath: log)).path == expected)
  }

  @Test func draftsCompareTheirFormsWhateverTheTimeTheyWereSaved() {
    let first = draft([("phone", "1")])
    var later = first
    later.savedAt = savedAt + 60
    var refocused = first
    refocused.focus = "email"

    #expect(first.holdsSameForm(as: later))
    #expect(!first.holdsSameForm(as: refocused))
    #expect(!first.holdsSameForm(as: draft([("phone", "12")])))
  }
}
