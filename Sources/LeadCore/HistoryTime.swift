import Foundation

/// Times as the history log writes them: ISO 8601 UTC with milliseconds,
/// `2026-12-03T19:11:26.123Z`.
enum HistoryTime {
  /// The time `text` names; the log's own form is read directly, any other ISO 8601 form
  /// through Foundation, as `HistoryRecord` reads it.
  static func parse(_ text: String) -> Date? {
    var text = text
    if let date = text.withUTF8({ fast($0) }) {
      return date
    }
    let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    return (try? style.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
  }

  /// The time in `utf8`: the log's own form read directly, else as `parse(_:)` reads it.
  static func parse(utf8: UnsafeBufferPointer<UInt8>) -> Date? {
    fast(utf8) ?? parse(String(decoding: utf8, as: UTF8.self))
  }

  /// `YYYY-MM-DDTHH:MM:SS.sssZ` exactly, or nil.
  private static func fast(_ utf8: UnsafeBufferPointer<UInt8>) -> Date? {
    guard utf8.count == 24, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
      utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"),
      utf8[16] == UInt8(ascii: ":"), utf8[19] == UInt8(ascii: "."),
      utf8[23] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(utf8[index]) - Int(UInt8(ascii: "0"))
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      let millisecond = number(20..<23), (1...12).contains(month),
      (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
    else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    let seconds = Double(((days * 24 + hour) * 60 + minute) * 60 + second)
    return Date(timeIntervalSince1970: seconds + Double(millisecond) / 1000)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar.
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
