import Testing

@testable import LeadCore

@Suite("Lead form pairs")
struct LeadFormPairsTests {
  private let key = APIKey("TESTKEY-0123456789abcdef")

  @Test func sendsKeyThenBaseFieldsInVendorOrderThenExtras() {
    let lead = Lead(
      firstName: "Ivan", lastName: "Petrov", phone: "+79991234567", email: "ivan@example.com",
      comment: "Call back",
      extraFields: [ExtraField(code: "zeta", value: "1"), ExtraField(code: "alpha", value: "2")])

    let names = lead.formPairs(key: key).map(\.name)

    #expect(
      names == ["key", "phone", "email", "first_name", "last_name", "comment", "zeta", "alpha"])
  }

  @Test func leavesEmptyFieldsOutButAlwaysSendsTheKey() {
    let lead = Lead(
      email: "a@b.ru",
      extraFields: [ExtraField(code: "city", value: ""), ExtraField(code: "x", value: "1")])

    let pairs = lead.formPairs(key: APIKey(""))

    #expect(
      pairs == [
        FormPair(name: "key", value: ""), FormPair(name: "email", value: "a@b.ru"),
        FormPair(name: "x", value: "1"),
      ])
  }

  @Test func encodesPlusSignsSoTheyDoNotArriveAsSpaces() {
    let lead = Lead(phone: "+7 (999) 123-45-67", email: "ivan.petrov+lead@example.ru")

    let body = FormEncoder.encode(lead.formPairs(key: key))

    #expect(body.contains("phone=%2B7+%28999%29+123-45-67"))
    #expect(body.contains("email=ivan.petrov%2Blead%40example.ru"))
    #expect(!body.contains("phone=+7"))
  }

  @Test func encodesCyrillicNamesAsUTF8Bytes() {
    let lead = Lead(firstName: "Андрей", lastName: "Щёкин", phone: "1")

    let body = FormEncoder.encode(lead.formPairs(key: key))

    #expect(body.contains("first_name=%D0%90%D0%BD%D0%B4%D1%80%D0%B5%D0%B9"))
    #expect(body.contains("last_name=%D0%A9%D1%91%D0%BA%D0%B8%D0%BD"))
    #expect(!body.contains("%C3%90%C2%90"))
    #expect(!body.contains("%C0%ED%E4%F0%E5%E9"))
  }
}
