import Testing

@testable import LeadCore

@Suite("comment line breaks")
struct CommentLineBreakTests {
  @Test(
    "a comment's line breaks pass the checks unchanged and are encoded as PHP encodes them",
    arguments: [
      ("line1\nline2", "line1%0Aline2"),
      ("line1\r\nline2", "line1%0D%0Aline2"),
      (
        "\nПерезвонить\nпосле 18:00\n",
        "%0A%D0%9F%D0%B5%D1%80%D0%B5%D0%B7%D0%B2%D0%BE%D0%BD%D0%B8%D1%82%D1%8C%0A%D0%BF%D0%BE%D1%81%D0%BB%D0%B5+18%3A00%0A"
      ),
    ])
  func lineBreaksReachTheBody(comment: String, encoded: String) throws {
    let lead = try Lead(phone: "+7 912 345-67-89", comment: comment).validated()
    #expect(lead.comment == comment)

    let body = FormEncoder.encode(lead.formPairs(key: APIKey("k")))
    #expect(body == "key=k&phone=%2B7+912+345-67-89&comment=" + encoded)
  }

  @Test("a line break in the phone is refused, since the phone's checks allow none")
  func lineBreaksElsewhereAreRefused() {
    #expect(throws: LeadValidationError.self) {
      try Lead(phone: "+7 912\n345-67-89").validated()
    }
  }
}
