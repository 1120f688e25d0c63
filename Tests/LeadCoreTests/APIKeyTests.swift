import Testing

@testable import LeadCore

@Suite("API key")
struct APIKeyTests {
  @Test(
    "shows a fixed-length mask and, for long keys, the last four characters",
    arguments: [
      ("", "(empty)"), ("a", "••••••••"), ("abcdefghijk", "••••••••"),
      ("abcdefghijkl", "••••••••ijkl"), ("TESTKEY-0123456789abcdef", "••••••••cdef"),
      ("ключ-секретный", "••••••••тный"),
    ])
  func masks(value: String, masked: String) {
    #expect(APIKey(value).masked == masked)
  }

  @Test func neverPrintsTheSecretInAnyTextualForm() {
    let secret = "TESTKEY-0123456789abcdef"
    let key = APIKey(secret)
    var dumped = ""
    dump(key, to: &dumped)
    let views = [
      "\(key)", String(describing: key), String(reflecting: key), key.description,
      key.debugDescription, dumped, "\([key])", "\(Optional(key) as Any)",
    ]

    for view in views {
      #expect(!view.contains(secret), "leaked in \(view)")
      #expect(!view.contains("0123"), "leaked in \(view)")
    }
    #expect(key.value == secret)
  }
}
