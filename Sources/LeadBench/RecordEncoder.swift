import Foundation
import LeadCore

/// History records as JSON lines, through `HistoryRecord`'s own `Codable` conformance with the
/// history log's settings: sorted keys, unescaped slashes, times as ISO 8601 UTC with
/// milliseconds.
///
/// The log's own line encoder is internal to the core, so the generator configures a
/// `JSONEncoder` the same way and proves the result identical (`verify`) before it writes a
/// log: a change to the log's format stops the generator instead of skewing the benchmark.
struct RecordEncoder {
  private let encoder: JSONEncoder

  init() {
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(RecordEncoder.timeText(date))
    }
  }

  /// The record as one line, newline included.
  func line(_ record: HistoryRecord) throws(BenchError) -> Data {
    do {
      var data = try encoder.encode(record)
      data.append(UInt8(ascii: "\n"))
      return data
    } catch {
      throw .cannotWrite(path: "(record \(record.id))", reason: String(describing: error))
    }
  }

  /// `2026-12-03T19:11:26.123Z`: the time rounded to its millisecond, as the log writes it.
  static func timeText(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let (seconds, millisecond) = milliseconds.quotientAndRemainder(dividingBy: 1000)
    let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
    let (year, month, day) = civilDate(daysSince1970: days)
    func padded(_ value: Int64, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T"
      + "\(padded(secondOfDay / 3600, 2)):\(padded(secondOfDay / 60 % 60, 2)):"
      + "\(padded(secondOfDay % 60, 2)).\(padded(millisecond, 3))Z"
  }

  /// Year, month and day of a day counted from 1970-01-01 (proleptic Gregorian; days ≥ 0).
  private static func civilDate(daysSince1970: Int64) -> (Int64, Int64, Int64) {
    let shifted = daysSince1970 + 719_468
    let era = shifted / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// Appends `records` to a scratch log through `HistoryLog.append` and checks that each line
  /// the log wrote is byte for byte the line this encoder makes; `directory` is removed after.
  func verify(_ records: [HistoryRecord], scratch directory: URL) throws(BenchError) {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("encoding-check.jsonl")
    let log = HistoryLog(url: url)
    do {
      for record in records { try log.append(record) }
    } catch {
      throw .cannotWrite(path: url.path, reason: error.description)
    }
    guard let written = try? Data(contentsOf: url) else {
      throw .cannotRead(path: url.path, reason: "the scratch log vanished")
    }
    let logLines = written.split(separator: UInt8(ascii: "\n"))
    guard logLines.count == records.count else {
      throw .cannotRead(path: url.path, reason: "\(logLines.count) lines for \(records.count)")
    }
    for (record, logLine) in zip(records, logLines) {
      let ours = try line(record).dropLast()
      guard Data(logLine) == Data(ours) else {
        throw .encodingDiffers(
          expected: String(decoding: logLine, as: UTF8.self),
          written: String(decoding: ours, as: UTF8.self))
      }
    }
  }
}
