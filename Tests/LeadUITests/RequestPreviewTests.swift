import LeadCore
import LeadUI
import Testing

@Suite("Request preview")
struct RequestPreviewTests {
  @Test("F6 shows the request F2 would send in the history's place, following the form")
  func previewFollowsTheForm() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.fillForm([.firstName: "Иван", .phone: "+7 912 345-67-89"])
    console.press(.function(6))
    #expect(console.isPreviewShown)
    let before = try console.checkedLead()
    #expect(console.previewText == previewClient.dryRun(for: before))
    #expect(console.previewText.contains("key=••••"))
    #expect(!console.previewText.contains("test-key"))

    console.focus(code: "city")
    console.type("Санкт-Петербург")
    let after = try console.checkedLead()
    #expect(after.extraFields.first == ExtraField(code: "city", value: "Санкт-Петербург"))
    #expect(console.previewText == previewClient.dryRun(for: after))
    #expect(console.previewText != previewClient.dryRun(for: before))

    let screen = console.screen
    let title = try #require(row(containing: "Request F2 would send now", in: screen))
    #expect(row(containing: "History", in: screen) == nil)
    #expect(screen.text(ofRow: title + 1).contains("POST http://127.0.0.1:8080/api/site/"))
    let encodedCity = "city=" + FormEncoder.encodeComponent("Санкт-Петербург")
    let joined = (title + 1..<22).map { screen.text(ofRow: $0).dropFirst() }
      .map { $0.trimmingSuffix(" ") }.joined()
    #expect(joined.contains(encodedCity.prefix(40)))

    console.press(.control("p"))
    #expect(!console.isPreviewShown)
    #expect(row(containing: "History", in: console.screen) != nil)
  }

  @Test("a form F2 would not send shows its problems instead of a request")
  func previewOfAnIncompleteForm() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.focus(code: "budget")
    console.type("много")
    console.press(.function(6))

    let preview = console.requestPreview
    #expect(!preview.isRequest)
    #expect(preview.text.hasPrefix("F2 would send nothing yet"))
    #expect(preview.text.contains("• Phone:"))
    #expect(preview.text.contains("• Budget: not a number"))
    #expect(console.problems.isEmpty)
  }

  @Test("without a key the preview says nothing would be sent and copying is refused")
  func previewWithoutKey() throws {
    var console = makeConsole(schema: try sampleSchema(), canSend: false)
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.press(.function(6))
    #expect(console.previewText.hasPrefix("No API key"))
    #expect(console.screen.text.contains("No API key: F2 would send nothing."))
    #expect(console.press(.function(7)).isEmpty)
    #expect(console.statusLine.contains("Not copied"))
  }

  @Test("F6 from the browser returns to the form with the preview shown")
  func previewFromTheBrowser() throws {
    var console = makeConsole(schema: try generatedSchema())
    console.press(.function(3))
    console.type("гор")
    console.press(.function(6))
    #expect(console.browser == nil)
    #expect(console.isPreviewShown)
    #expect(row(containing: "Request F2 would send now", in: console.screen) != nil)
  }

  @Test(
    "F7 and Alt-C in the preview copy the curl command of the lead F2 would send",
    arguments: [Key.function(7), .alt("c")])
  func copyEffect(key: Key) throws {
    var console = makeConsole(schema: try sampleSchema())
    console.fillForm([.phone: "+7 912 345-67-89", .comment: "a&b=c"])
    #expect(console.press(key).isEmpty)
    console.press(.function(6))
    #expect(console.screen.text(ofRow: 23).contains("F7/Alt-c Copy curl"))

    let lead = try console.checkedLead()
    #expect(console.press(key) == [.copy(curlCommand(for: lead))])
    #expect(console.value(of: .phone) == "+7 912 345-67-89")
    _ = console.handle(.copied("curl command saved to /tmp/x/last-request.sh"))
    #expect(console.statusLine.contains("last-request.sh"))
    #expect(console.status.role == .ok)
    _ = console.handle(.copyFailed("cannot write /tmp/x/last-request.sh: disk full"))
    #expect(console.statusLine == "Not copied: cannot write /tmp/x/last-request.sh: disk full")
  }

  @Test("copying a form F2 would not send marks its problems and copies nothing")
  func copyRefusedForAnInvalidForm() throws {
    var console = makeConsole(schema: try sampleSchema())
    console.press(.function(6))
    #expect(console.press(.function(7)).isEmpty)
    #expect(console.problems["phone"] != nil)
    #expect(console.statusLine.hasPrefix("Not copied"))
  }

  @Test("on a wide screen the preview stands beside the form")
  func previewBesideTheForm() throws {
    var console = makeConsole(schema: try sampleSchema(), columns: 140)
    console.fillForm([.phone: "+7 912 345-67-89"])
    console.press(.function(6))
    let screen = ConsoleRenderer.render(console, rows: 30, columns: 140)
    let first = try #require(row(containing: "First name", in: screen))
    #expect(screen.text(ofRow: first).contains("Request F2 would send now"))
    #expect(screen.text(ofRow: first).contains("│"))
  }
}

extension Substring {
  /// The text without trailing copies of `character`.
  fileprivate func trimmingSuffix(_ character: Character) -> Substring {
    var text = self
    while text.last == character { text = text.dropLast() }
    return text
  }
}
