import Foundation
import Testing

@testable import LeadCore

/// One case of the PHP reference vectors: pairs in, `http_build_query` output.
struct PHPEncodingCase: Decodable, Sendable {
  var name: String
  var pairs: [[String]]
  var expected: String

  enum CodingKeys: String, CodingKey {
    case name
    case pairs
    case expected = "php_http_build_query"
  }

  var formPairs: [FormPair] {
    pairs.map { FormPair(name: $0[0], value: $0[1]) }
  }

  /// Every vector from the fixture file written by PHP 8.2.
  static func loadAll() throws -> [PHPEncodingCase] {
    let url = try #require(
      Bundle.module.url(
        forResource: "http_build_query", withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode([PHPEncodingCase].self, from: Data(contentsOf: url))
  }

  /// The case names, or one name that fails the test when the file cannot be read.
  static let names: [String] = (try? loadAll().map(\.name)) ?? ["(fixture file unreadable)"]
}

@Suite("FormEncoder")
struct FormEncoderTests {
  @Test("matches PHP http_build_query byte for byte", arguments: PHPEncodingCase.names)
  func matchesPHP(caseName: String) throws {
    let all = try PHPEncodingCase.loadAll()
    let vector = try #require(all.first { $0.name == caseName })

    let encoded = FormEncoder.encode(vector.formPairs)

    #expect(Array(encoded.utf8) == Array(vector.expected.utf8))
  }

  @Test func fixtureHoldsEveryReferenceVector() throws {
    let all = try PHPEncodingCase.loadAll()
    #expect(all.count >= 13)
    #expect(Set(all.map(\.name)).count == all.count)
  }

  @Test(
    "encodes each byte as PHP's urlencode does",
    arguments: [
      ("~", "%7E"), (" ", "+"), ("+", "%2B"), ("-_.", "-_."), ("AZaz09", "AZaz09"),
      ("é", "%C3%A9"), ("ё", "%D1%91"), ("\u{0}", "%00"), ("\u{7F}", "%7F"), ("😀", "%F0%9F%98%80"),
      ("%", "%25"), ("&=", "%26%3D"), ("", ""),
    ])
  func encodesComponent(input: String, expected: String) {
    #expect(FormEncoder.encodeComponent(input) == expected)
  }

  @Test func encodesEveryByteOutsideTheUnreservedSetAsUpperCaseHex() {
    for value in UInt8(1)...UInt8(0x7F) {
      let text = String(decoding: [value], as: UTF8.self)
      let encoded = FormEncoder.encodeComponent(text)
      let scalar = Unicode.Scalar(value)
      if scalar.properties.isASCIIHexDigit || ("g"..."z").contains(scalar)
        || ("G"..."Z").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
      {
        #expect(encoded == text)
      } else if scalar == " " {
        #expect(encoded == "+")
      } else {
        #expect(encoded == "%" + String(format: "%02X", value))
      }
    }
  }

  @Test func encodesDecomposedAndPrecomposedTextDifferently() {
    let precomposed = FormEncoder.encodeComponent("\u{E9}")
    let decomposed = FormEncoder.encodeComponent("e\u{301}")

    #expect(precomposed == "%C3%A9")
    #expect(decomposed == "e%CC%81")
  }

  @Test func joinsPairsWithAmpersandsInTheGivenOrder() {
    let pairs = [
      FormPair(name: "b", value: "2"), FormPair(name: "a", value: ""),
      FormPair(name: "c d", value: "x&y"),
    ]

    #expect(FormEncoder.encode(pairs) == "b=2&a=&c+d=x%26y")
    #expect(FormEncoder.encode([]) == "")
  }
}

@Suite("Form round trip")
struct FormRoundTripTests {
  @Test("decodes back to the same pairs as PHP would", arguments: PHPEncodingCase.names)
  func roundTrips(caseName: String) throws {
    let vector = try #require(try PHPEncodingCase.loadAll().first { $0.name == caseName })

    let decoded = FormDecoder.decode(Array(FormEncoder.encode(vector.formPairs).utf8))

    #expect(decoded == vector.formPairs)
  }

  @Test func keepsPlusSignsAndCyrillicThroughPOSTAndGETAlike() {
    let lead = Lead(
      firstName: "Андрей", lastName: "Щёкин", phone: "+7 (999) 123-45-67",
      email: "ivan.petrov+lead@example.ru", comment: "a&b=c ~ 100%")
    let transport = FakeTransport(status: 200, body: "")
    let post = CRMClient(endpoint: "http://127.0.0.1/", key: APIKey("k"), transport: transport)
    let get = CRMClient(
      endpoint: "http://127.0.0.1/?x=1", key: APIKey("k"), method: .get, transport: transport)

    let fromBody = FormDecoder.decode(post.request(for: lead).body)
    let query = get.request(for: lead).url.split(separator: "?", maxSplits: 1).last ?? ""
    let fromQuery = FormDecoder.decode(Array(query.utf8))

    #expect(fromBody == lead.formPairs(key: APIKey("k")))
    #expect(fromQuery == [FormPair(name: "x", value: "1")] + fromBody)
  }
}
