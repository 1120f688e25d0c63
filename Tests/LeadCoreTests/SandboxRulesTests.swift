import LeadCore
import Testing

@testable import LeadSandbox

@Suite("Sandbox rules and faults")
struct SandboxRulesTests {
  static let key = "TESTKEY-0123456789abcdef"

  struct Case: CustomTestStringConvertible, Sendable {
    let form: String
    let codes: [Int]
    var testDescription: String { "'\(form)' → \(codes)" }
  }

  static let cases: [Case] = [
    Case(form: "key=\(key)&phone=%2B7", codes: []),
    Case(form: "key=\(key)&email=a%40b.ru", codes: []),
    Case(form: "phone=1", codes: [100]),
    Case(form: "key=&phone=1", codes: [100]),
    Case(form: "key=wrong&email=a%40b.ru", codes: [101]),
    Case(form: "key=\(key)", codes: [102]),
    Case(form: "key=\(key)&phone=&email=", codes: [102]),
    Case(form: "first_name=Ann", codes: [100, 102]),
    Case(form: "key=wrong&first_name=Ann", codes: [101, 102]),
    Case(form: "key=wrong&key=\(key)&phone=1", codes: []),
    Case(form: "key=\(key)&key=&phone=1", codes: [100]),
  ]

  @Test("answers the documented error codes, several at once", arguments: cases)
  func answersDocumentedCodes(_ testCase: Case) {
    let codes = SandboxResponder.errorCodes(for: FormDecoder.decode(testCase.form), key: Self.key)

    #expect(codes == testCase.codes)
  }

  @Test func writesTheCRMsJSONAnswers() {
    #expect(SandboxResponder.answer(for: []) == #"{"result":"success"}"#)
    #expect(SandboxResponder.answer(for: [101]) == #"{"result":"error","errors":[101]}"#)
    #expect(SandboxResponder.answer(for: [100, 102]) == #"{"result":"error","errors":[100,102]}"#)
  }

  static let arguments: [(String, SandboxFault)] = [
    ("none", .none), ("hang", .hang), ("slow=2.5", .slow(seconds: 2.5)), ("html502", .html502),
    ("html500", .html500), ("html403", .html403), ("empty200", .empty200),
    ("truncated", .truncated), ("reset", .reset), ("redirect", .redirect),
    ("429", .tooManyRequests(retryAfter: SandboxFault.defaultRetryAfter)),
    ("429=12", .tooManyRequests(retryAfter: 12)), ("503", .unavailable), ("HANG", .hang),
  ]

  @Test("parses fault arguments", arguments: arguments)
  func parsesFaultArguments(_ argument: String, _ fault: SandboxFault) {
    #expect(SandboxFault(argument: argument) == fault)
    #expect(SandboxFault(argument: fault.argument) == fault)
  }

  @Test(
    "refuses malformed fault arguments",
    arguments: ["", "slow", "slow=0", "slow=-1", "slow=abc", "slow=301", "429=-1", "hang=1", "404"]
  )
  func refusesMalformedFaultArguments(_ argument: String) {
    #expect(SandboxFault(argument: argument) == nil)
  }

  @Test func cutsTheTruncatedAnswerInsideTheJSON() {
    let half = SandboxHandler.firstHalf(of: #"{"result":"success"}"#)

    #expect(half == #"{"result":"#)
  }
}
