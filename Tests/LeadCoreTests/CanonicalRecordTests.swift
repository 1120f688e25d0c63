import Foundation
import Testing

@testable import LeadCore

/// The quick record reader and writer against Foundation's decoder and encoder: the same
/// records, the same bytes, and every line the quick reader does not vouch for left to the
/// decoder.
@Suite("Canonical history records")
struct CanonicalRecordTests {
  private static let time = Date(timeIntervalSince1970: 1_790_000_000.123)
  private static let id = LeadID(rawValue: "3f9c0a17b2e4")

  /// Records of every kind the log holds, with the members each may or may not have.
  static let records: [HistoryRecord] = [
    .queued(
      id: id, time: time,
      lead: Lead(
        firstName: "Алёна", lastName: "Фёдорова", phone: "+7 912 345-67-89",
        email: "alena@example.ru", comment: "Перезвонить после 18:00, 100% / скидка"),
      endpoint: "http://127.0.0.1:9/api/site/", method: .post, operatorName: "Мария"),
    .queued(
      id: id, time: time,
      lead: Lead(
        phone: "89211842463",
        extraFields: [
          ExtraField(code: "city", value: "Орёл"), ExtraField(code: "source", value: ""),
        ]),
      endpoint: "https://crm.example/api/site/?a=1&b=2", method: .get, operatorName: nil),
    .queued(
      id: id, time: time, lead: Lead(comment: "says \"call me\"\nat\t5\\6"),
      endpoint: "http://x/", method: .post, operatorName: "О'Нил"),
    .sending(id: id, time: time, attempt: 1, pid: 31337),
    .sending(id: id, time: time, attempt: 12, pid: nil),
    .sending(id: id, time: time, attempt: 3, pid: -1),
    .outcome(
      id: id, time: time, attempt: 2,
      outcome: Outcome(kind: .accepted, httpStatus: 200, reason: "HTTP 200: lead accepted")),
    .outcome(
      id: id, time: time, attempt: 1,
      outcome: Outcome(
        kind: .notDelivered, reason: "not sent: connection refused (Failed to connect)")),
    .outcome(
      id: id, time: time, attempt: 4,
      outcome: Outcome(kind: .uncertain, httpStatus: 502, reason: "bad gateway: \"<html>\"")),
    .outcome(
      id: id, time: time, attempt: 1,
      outcome: Outcome(
        kind: .rejected, httpStatus: 200, errors: [CRMErrorCode(code: 102)],
        reason: "rejected: 102")),
    .outcome(
      id: id, time: time, attempt: 1,
      outcome: Outcome(kind: .uncertain, reason: "an answer /with/ slashes and emoji 🙂")),
    .outcome(
      id: id, time: time, attempt: 1,
      outcome: Outcome(kind: .uncertain, reason: "delete \u{7F}, separators \u{2028}\u{2029}")),
    .done(id: id, time: time, by: "Мария"),
  ]

  @Test func writesTheSameBytesAsTheEncoder() throws {
    for record in Self.records {
      #expect(try record.jsonLine() == record.encodedByFoundation(), "\(record)")
    }
  }

  @Test func readsWrittenRecordsAsTheDecoderDoes() throws {
    for record in Self.records {
      let line = try record.jsonLine()
      let decoded = try #require(HistoryRecord.decodedByFoundation(line: line))
      #expect(HistoryRecord.parse(line: line) == decoded)
      #expect(decoded.id == record.id)
    }
  }

  @Test func vouchesForTheRecordsABacklogIsMadeOf() throws {
    // The quick reader must take these itself: they are what `retry` reads by the thousand.
    for record in [0, 1, 3, 4, 6, 7].map({ Self.records[$0] }) {
      let line = try record.jsonLine()
      #expect(CanonicalRecordReader.record(in: line) != nil, "\(record)")
    }
  }

  /// Lines the quick reader must leave to the decoder, or read exactly as it does.
  static let oddLines = [
    #"{"attempt":1,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending","attempt":2}"#,
    #"{"attempt":01,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":1.0,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":1e0,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":-1,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":1,"id":"a","pid":null,"time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":1,"id":"a","pid":9999999999,"time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":1,"id":"a","time":"2026-01-01T00:00:00Z","type":"sending"}"#,
    #"{"attempt":1,"id":"a","time":"yesterday","type":"sending"}"#,
    #"{"attempt":1,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending","x":1}"#,
    #"{"attempt":1,"id":"\u0061","time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #" {"attempt":1,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending"} "#,
    #"{"attempt":1, "id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":1,"id":"a","time":"2026-01-01T00:00:00.000Z","type":"sending"}{}"#,
    #"{"attempt":1,"id":7,"time":"2026-01-01T00:00:00.000Z","type":"sending"}"#,
    #"{"attempt":1,"id":"a","kind":"maybe","reason":"r","time":"2026-01-01T00:00:00.000Z","type":"outcome"}"#,
    #"{"attempt":1,"errors":[],"id":"a","kind":"accepted","reason":"r","time":"2026-01-01T00:00:00.000Z","type":"outcome"}"#,
    #"{"attempt":1,"id":"a","kind":"accepted","time":"2026-01-01T00:00:00.000Z","type":"outcome"}"#,
    #"{"endpoint":"e","id":"a","lead":{"phone":1},"method":"POST","time":"2026-01-01T00:00:00.000Z","type":"queued"}"#,
    #"{"endpoint":"e","id":"a","lead":{"extra_fields":[{"code":"c"}]},"method":"POST","time":"2026-01-01T00:00:00.000Z","type":"queued"}"#,
    #"{"endpoint":"e","id":"a","lead":{"extra_fields":[{"code":"c","value":"v","x":""}]},"method":"POST","time":"2026-01-01T00:00:00.000Z","type":"queued"}"#,
    #"{"endpoint":"e","id":"a","lead":{},"method":"PUT","time":"2026-01-01T00:00:00.000Z","type":"queued"}"#,
    #"{"endpoint":"e","id":"a","lead":{},"method":"POST","operator":null,"time":"2026-01-01T00:00:00.000Z","type":"queued"}"#,
    #"{"endpoint":"e","id":"a","lead":{"note":"n"},"method":"POST","time":"2026-01-01T00:00:00.000Z","type":"queued"}"#,
  ]

  @Test func agreesWithTheDecoderOnOddLines() {
    for text in Self.oddLines {
      let line = Array(text.utf8)
      #expect(
        HistoryRecord.parse(line: line) == HistoryRecord.decodedByFoundation(line: line), "\(text)")
    }
  }

  /// A few thousand decodings, on one record of each kind a backlog is made of; the test
  /// yields between lines, so the tests that run beside it are not held up.
  @Test func agreesWithTheDecoderOnCutAndAlteredLines() async throws {
    // A quote, a digit, a backslash, and a byte that breaks UTF-8.
    let replacements: [UInt8] = [0x22, 0x30, 0x5C, 0xFF]
    for record in [1, 3, 6].map({ Self.records[$0] }) {
      let line = try record.jsonLine()
      var variants = (0..<line.count).map { Array(line[..<$0]) }
      for position in line.indices {
        for byte in replacements where byte != line[position] {
          var altered = line
          altered[position] = byte
          variants.append(altered)
        }
      }
      for variant in variants {
        await Task.yield()
        #expect(
          HistoryRecord.parse(line: variant) == HistoryRecord.decodedByFoundation(line: variant),
          "\(String(decoding: variant, as: UTF8.self))")
      }
    }
  }
}
