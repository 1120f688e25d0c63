import Foundation
import Testing

@testable import LeadCore

/// One exchange and the outcome it must be classified as.
struct AnswerCase: Sendable, CustomTestStringConvertible {
  var name: String
  var result: TransportResult
  var kind: OutcomeKind
  var codes: [Int] = []
  /// Fragments the reason must contain.
  var reasonHas: [String] = []

  var testDescription: String { name }

  static func answer(
    _ status: Int, _ body: String, headers: [String: String] = [:], overflowed: Bool = false
  ) -> TransportResult {
    .answered(status: status, headers: headers, body: Array(body.utf8), bodyOverflowed: overflowed)
  }

  static let nginx403 =
    "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1>"
    + "</center><hr><center>nginx</center></body></html>"
  static let nginx502 =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway"
    + "</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n"

  static let twentyFiveCodes = (1...25).map(String.init).joined(separator: ",")

  static let all: [AnswerCase] = [
    // Not delivered: nothing reached the CRM, or a gateway refused it whatever the body says.
    AnswerCase(
      name: "connection refused", result: .failed(requestSent: false, reason: "connection refused"),
      kind: .notDelivered, reasonHas: ["connection refused"]),
    AnswerCase(
      name: "redirect names its target",
      result: answer(302, "", headers: ["location": "https://crm.example/login"]),
      kind: .notDelivered, reasonHas: ["HTTP 302", "https://crm.example/login"]),
    AnswerCase(
      name: "redirect without a target", result: answer(301, "moved"), kind: .notDelivered,
      reasonHas: ["HTTP 301"]),
    AnswerCase(
      name: "B09 429 with Retry-After",
      result: answer(429, "slow down", headers: ["retry-after": "5"]),
      kind: .notDelivered, reasonHas: ["HTTP 429", "retry after 5"]),
    AnswerCase(
      name: "B09 502 nginx page", result: answer(502, nginx502), kind: .notDelivered,
      reasonHas: ["HTTP 502", "<html> <head><title>502 Bad Gateway</title>"]),
    AnswerCase(
      name: "503 even with a success body", result: answer(503, #"{"result":"success"}"#),
      kind: .notDelivered, reasonHas: ["HTTP 503"]),
    AnswerCase(
      name: "429 even with an error body",
      result: answer(429, #"{"result":"error","errors":[101]}"#), kind: .notDelivered),
    // Rejected: the CRM's error answer with any status.
    AnswerCase(
      name: "B09 error 101 with 200", result: answer(200, #"{"result":"error","errors":[101]}"#),
      kind: .rejected, codes: [101], reasonHas: ["HTTP 200", "101", "API key is wrong"]),
    AnswerCase(
      name: "several codes as strings and numbers",
      result: answer(200, #"{"result":"error","errors":["100", 102],"debug":{"x":1}}"#),
      kind: .rejected, codes: [100, 102], reasonHas: ["API key is empty", "neither phone"]),
    AnswerCase(
      name: "unknown code with 400", result: answer(400, #" {"errors":[555],"result":"error"} "#),
      kind: .rejected, codes: [555], reasonHas: ["HTTP 400", "API error 555"]),
    AnswerCase(
      name: "odd elements beside a code",
      result: answer(200, #"{"result":"error","errors":[null,"x",{"a":1},"101"]}"#),
      kind: .rejected, codes: [101]),
    // Accepted: only a 2xx with the success answer.
    AnswerCase(
      name: "success", result: answer(200, #"{"result":"success"}"#), kind: .accepted,
      reasonHas: ["HTTP 200"]),
    AnswerCase(
      name: "success with extra members and 201",
      result: answer(201, "{\n  \"id\": 5, \"result\": \"success\"\n}"), kind: .accepted),
    // Uncertain: the request went out and the answer does not settle it.
    AnswerCase(
      name: "deadline passed",
      result: .failed(requestSent: true, reason: "no answer within 15 s"), kind: .uncertain,
      reasonHas: ["no answer within 15 s"]),
    AnswerCase(
      name: "B09 403 nginx page", result: answer(403, nginx403), kind: .uncertain,
      reasonHas: ["HTTP 403", "<html><head><title>403 Forbidden</title>"]),
    AnswerCase(
      name: "B09 empty body with 200", result: answer(200, ""), kind: .uncertain,
      reasonHas: ["HTTP 200", "empty answer"]),
    AnswerCase(
      name: "truncated JSON", result: answer(200, #"{"result":"succ"#), kind: .uncertain,
      reasonHas: ["HTTP 200", "not a CRM answer"]),
    AnswerCase(
      name: "success with a server error status", result: answer(500, #"{"result":"success"}"#),
      kind: .uncertain, reasonHas: ["HTTP 500"]),
    AnswerCase(
      name: "oversized body", result: answer(200, #"{"result":"success"}"#, overflowed: true),
      kind: .uncertain, reasonHas: ["answer too large"]),
    AnswerCase(
      name: "success that also lists error codes",
      result: answer(200, #"{"result":"success","errors":[101]}"#), kind: .uncertain,
      reasonHas: ["HTTP 200"]),
    AnswerCase(
      name: "error without codes", result: answer(200, #"{"result":"error","errors":[]}"#),
      kind: .uncertain),
    AnswerCase(
      name: "errors not an array", result: answer(200, #"{"result":"error","errors":"101"}"#),
      kind: .uncertain),
    AnswerCase(
      name: "JSON array", result: answer(200, #"[{"result":"success"}]"#), kind: .uncertain),
    AnswerCase(
      name: "result of the wrong type", result: answer(200, #"{"result":true}"#), kind: .uncertain),
    AnswerCase(name: "plain text", result: answer(200, "OK"), kind: .uncertain, reasonHas: ["OK"]),
    AnswerCase(
      name: "boolean code", result: answer(200, #"{"result":"error","errors":[true]}"#),
      kind: .uncertain),
    AnswerCase(
      name: "a repeated code is named once",
      result: answer(200, #"{"result":"error","errors":[101,"101",101,102]}"#), kind: .rejected,
      codes: [101, 102], reasonHas: ["error 101 (API key is wrong), 102 ("]),
    AnswerCase(
      name: "only the first ten codes are kept",
      result: answer(200, #"{"result":"error","errors":["# + twentyFiveCodes + "]}"),
      kind: .rejected, codes: Array(1...10), reasonHas: ["10 (API error 10) and 15 more"]),
  ]
}

@Suite("Answer classification")
struct AnswerClassifierTests {
  @Test("classifies each kind of answer", arguments: AnswerCase.all)
  func classifies(example: AnswerCase) {
    let outcome = AnswerClassifier.outcome(for: example.result)

    #expect(outcome.kind == example.kind)
    #expect(outcome.errors.map(\.code) == example.codes)
    for fragment in example.reasonHas {
      #expect(outcome.reason.contains(fragment), "\(outcome.reason)")
    }
    if case .answered(let status, _, _, _) = example.result {
      #expect(outcome.httpStatus == status)
      #expect(outcome.reason.contains("HTTP \(status)"))
    } else {
      #expect(outcome.httpStatus == nil)
    }
  }

  @Test func keepsTheBodyExcerptToEightyCharacters() {
    let body = String(repeating: "Ошибка сервера ", count: 50)

    let outcome = AnswerClassifier.outcome(for: AnswerCase.answer(500, body))
    let excerpt = outcome.reason.replacingOccurrences(of: "HTTP 500: not a CRM answer: ", with: "")

    #expect(excerpt.count == 80)
    #expect(excerpt.hasSuffix("…"))
    #expect(excerpt.hasPrefix("Ошибка сервера Ошибка"))
  }

  @Test(
    "never lets terminal controls through",
    arguments: [
      "\u{1B}[2J\u{1B}[31mred", "\u{1B}]0;title\u{07}red", "\u{9B}1;1Hred", "r\u{0}e\u{8}d",
      "\u{1B}]8;;http://x\u{1B}\\red", "\u{202E}red", "red\u{1B}", "red\u{1B}[",
    ])
  func stripsControls(body: String) {
    let outcome = AnswerClassifier.outcome(for: AnswerCase.answer(500, body))

    #expect(outcome.reason.contains("r"))
    for scalar in outcome.reason.unicodeScalars {
      #expect(scalar.properties.generalCategory != .control, "U+\(scalar.value)")
      #expect(scalar.properties.generalCategory != .format, "U+\(scalar.value)")
    }
    #expect(!outcome.reason.contains("[2J"))
    #expect(!outcome.reason.contains("title"))
  }

  @Test func survivesArbitraryBytes() {
    var generator = SplitMix64(seed: 20_240_501)
    let alphabet = Array(#"{}[]",:0123456789resultsucceserror\ "#.utf8) + [0x00, 0x1B, 0xFF, 0xD0]
    for _ in 0..<2_000 {
      let length = Int(generator.next() % 64)
      let body = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      let outcome = AnswerClassifier.outcome(
        for: .answered(status: 200, headers: [:], body: body, bodyOverflowed: false))
      #expect(outcome.kind != .notDelivered)
      #expect(outcome.reason.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\u{7F}" })
    }
  }

  @Test func readsDeeplyNestedBodiesWithoutCrashing() {
    let body = #"{"result":"error","errors":"# + String(repeating: "[", count: 100_000)

    let outcome = AnswerClassifier.outcome(for: AnswerCase.answer(200, body))

    #expect(outcome.kind == .uncertain)
  }
}

/// A small deterministic generator, so a failing input can be reproduced.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
