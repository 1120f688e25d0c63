import Foundation
import LeadCore
import LeadUI
import Testing

@Suite("Drafts in the form")
struct DraftFormTests {
  /// 14:02 UTC on 3 December 2026.
  private let savedAt = Date(timeIntervalSince1970: 1_796_306_520)

  private func console(schema: Schema = Schema(), now: Date) -> ConsoleState {
    var state = ConsoleState(
      context: ConsoleContext(
        endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: "••••••••cdef", canSend: true,
        timeZone: TimeZone(identifier: "UTC") ?? .current, schema: schema, now: { now }))
    _ = state.handle(.resized(rows: 24, columns: 80))
    return state
  }

  @Test func aFreshFormHasNoDraft() {
    #expect(makeConsole().draft(savedAt: savedAt) == nil)
  }

  @Test func theDraftHoldsEveryFieldAsTypedAndTheFocus() throws {
    var state = makeConsole()
    state.type(" Ёжик ")
    state.press(.tab, .tab)
    state.type("8 (999) 123-45-67")

    let draft = try #require(state.draft(savedAt: savedAt))

    #expect(draft.savedAt == savedAt)
    #expect(draft.focus == "phone")
    #expect(
      draft.fields == [
        DraftField(code: "first_name", value: " Ёжик "), DraftField(code: "last_name", value: ""),
        DraftField(code: "phone", value: "8 (999) 123-45-67"),
        DraftField(code: "email", value: ""), DraftField(code: "comment", value: ""),
      ])
  }

  @Test func aRestoredDraftFillsTheFormPutsTheFocusBackAndSaysFromWhen() throws {
    var typed = makeConsole()
    typed.type("Анна")
    typed.press(.tab)
    typed.type("e\u{301}te\u{301} 中文")
    typed.press(.tab, .tab, .tab)
    typed.type("перезвонить 👩‍👩‍👧")
    let draft = try #require(typed.draft(savedAt: savedAt))

    var state = console(now: savedAt + 3_600)
    _ = state.handle(.draftFound(draft))

    for field in FormLayout.fieldOrder {
      #expect(state.value(of: field) == typed.value(of: field))
    }
    #expect(state.focus == .comment)
    #expect(state.statusLine.hasPrefix("Draft from 14:02 restored"))
    #expect(state.statusLine.contains("F2 sends it"))
    #expect(state.status.role == .ok)
    #expect(state.draft(savedAt: savedAt)?.holdsSameForm(as: draft) == true)
    let screen = state.screen
    #expect(screen.text.contains("Анна"))
    #expect(screen.text.contains("Draft from 14:02 restored"))
  }

  @Test func aDraftFromAnotherDayNamesTheDay() throws {
    let draft = Draft(
      savedAt: savedAt, focus: "phone", fields: [DraftField(code: "phone", value: "+7 999")])
    var state = console(now: savedAt + 2 * 86_400)
    _ = state.handle(.draftFound(draft))
    #expect(state.statusLine.hasPrefix("Draft from 3 Dec 14:02 restored"))
  }

  @Test func aDraftNeverReplacesWhatTheOperatorIsTyping() {
    let draft = Draft(
      savedAt: savedAt, focus: nil, fields: [DraftField(code: "first_name", value: "Старое")])
    var state = makeConsole()
    state.type("Новое")
    _ = state.handle(.draftFound(draft))

    #expect(state.value(of: .firstName) == "Новое")
    #expect(state.statusLine.contains("not put into the form"))
  }

  @Test func schemaFieldsComeBackAndFieldsNoLongerInTheFormAreNamed() throws {
    let schema = try sampleSchema()
    let draft = Draft(
      savedAt: savedAt, focus: "city",
      fields: [
        DraftField(code: "phone", value: "+7 912 000-00-00"),
        DraftField(code: "city", value: "Тверь"), DraftField(code: "region", value: ""),
        DraftField(code: "vip", value: "0"), DraftField(code: "callback", value: "1"),
        DraftField(code: "old_code", value: "было"), DraftField(code: "gone_empty", value: ""),
      ])
    var state = console(schema: schema, now: savedAt)

    _ = state.handle(.draftFound(draft))

    #expect(state.value(of: .phone) == "+7 912 000-00-00")
    #expect(state.value(ofCode: "city") == "Тверь")
    #expect(state.value(ofCode: "region") == "")
    #expect(state.isSwitchOn("vip") == false)
    #expect(state.isSwitchOn("callback") == true)
    #expect(state.focusedField.code == "city")
    #expect(state.statusLine.contains("left out: old_code=было)"))
    #expect(!state.statusLine.contains("gone_empty"))
    #expect(state.status.role == .warning)
  }

  @Test func schemaDefaultsAloneAreNoDraftButAClearedDefaultIs() throws {
    var state = console(schema: try sampleSchema(), now: savedAt)
    #expect(state.draft(savedAt: savedAt) == nil)

    state.focus(code: "region")
    state.press(.end)
    for _ in "Москва" { state.press(.backspace) }

    let draft = try #require(state.draft(savedAt: savedAt))
    #expect(draft.fields.first { $0.code == "region" }?.value == "")
  }

  @Test func startUpNoticesStayOnTheStatusLineBesideTheDraftMessage() throws {
    var state = makeConsole(notices: ["Locale LANG=ru_RU.UTF-8 is not installed"])
    let draft = Draft(
      savedAt: savedAt, focus: nil, fields: [DraftField(code: "email", value: "a@b.ru")])
    _ = state.handle(.draftFound(draft))

    #expect(state.statusLine.contains("restored"))
    #expect(state.statusLine.contains("Locale LANG=ru_RU.UTF-8 is not installed"))
  }

  @Test func sendingTheRestoredLeadEmptiesTheFormSoTheDraftGoes() throws {
    var state = makeConsole()
    let draft = Draft(
      savedAt: savedAt, focus: nil, fields: [DraftField(code: "phone", value: "+7 912 345-67-89")])
    _ = state.handle(.draftFound(draft))

    let effects = state.press(.function(2))

    #expect(effects.contains { if case .submit = $0 { true } else { false } })
    #expect(state.draft(savedAt: savedAt) == nil)
  }
}
