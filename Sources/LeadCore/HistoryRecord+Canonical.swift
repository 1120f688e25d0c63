import Foundation

/// A quick reader for the records this program writes most (`queued`, `sending`, `outcome`),
/// in the exact shape `HistoryRecord.jsonLine()` gives them: one object, no white space, no
/// escapes in strings, whole numbers without sign or fraction, no member twice, and only the
/// members the record's type has.
///
/// It answers nil for anything else, and `HistoryRecord.parse(line:)` then asks Foundation's
/// `JSONDecoder`, which stays the judge of every other line: a record this reader accepts is
/// exactly the one the decoder gives, a line it declines costs one decoding as before. Tests
/// hold the two to that on written, cut and altered lines.
struct CanonicalRecordReader {
  /// A value of the subset read: strings, whole numbers, objects and arrays of them.
  enum Value {
    case string(String)
    case integer(Int)
    case object([String: Value])
    case array([Value])
  }

  /// The most digits a number may have: 18 never overflows `Int`.
  private static let longestNumber = 18
  /// The deepest value a record of this shape holds: the texts of a lead's extra fields
  /// (record, lead, list of fields, field, text).
  private static let deepest = 4

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The record `line` holds when it has the written shape; nil to leave it to the decoder.
  static func record(in line: some Collection<UInt8>) -> HistoryRecord? {
    let members =
      line.withContiguousStorageIfAvailable(members(in:))
      ?? Array(line).withUnsafeBufferPointer(members(in:))
    return members.flatMap(record(from:))
  }

  /// The members of the one object `buffer` holds, with nothing before or after it.
  private static func members(in buffer: UnsafeBufferPointer<UInt8>) -> [String: Value]? {
    var reader = CanonicalRecordReader(buffer)
    guard case .object(let members)? = reader.value(depth: 0), reader.position == buffer.count
    else { return nil }
    return members
  }

  /// Builds the record from its members, or nil when any is missing, extra or of a wrong type.
  private static func record(from members: [String: Value]) -> HistoryRecord? {
    guard case .string(let type)? = members["type"], case .string(let id)? = members["id"],
      case .string(let timeText)? = members["time"], let time = HistoryRecord.time(from: timeText)
    else { return nil }
    switch type {
    case "queued":
      guard only(members, among: queuedMembers),
        case .object(let fields)? = members["lead"], let lead = lead(from: fields),
        case .string(let endpoint)? = members["endpoint"],
        case .string(let methodText)? = members["method"],
        let method = HTTPMethod(rawValue: methodText)
      else { return nil }
      var operatorName: String?
      if let value = members["operator"] {
        guard case .string(let name) = value else { return nil }
        operatorName = name
      }
      return .queued(
        id: LeadID(rawValue: id), time: time, lead: lead, endpoint: endpoint, method: method,
        operatorName: operatorName)
    case "sending":
      guard only(members, among: sendingMembers),
        case .integer(let attempt)? = members["attempt"]
      else { return nil }
      var pid: Int32?
      if let value = members["pid"] {
        guard case .integer(let number) = value, let narrow = Int32(exactly: number) else {
          return nil
        }
        pid = narrow
      }
      return .sending(id: LeadID(rawValue: id), time: time, attempt: attempt, pid: pid)
    case "outcome":
      guard only(members, among: outcomeMembers),
        case .integer(let attempt)? = members["attempt"],
        case .string(let kindText)? = members["kind"], let kind = OutcomeKind(rawValue: kindText),
        case .string(let reason)? = members["reason"]
      else { return nil }
      var status: Int?
      if let value = members["http_status"] {
        guard case .integer(let number) = value else { return nil }
        status = number
      }
      return .outcome(
        id: LeadID(rawValue: id), time: time, attempt: attempt,
        outcome: Outcome(kind: kind, httpStatus: status, errors: [], reason: reason))
    default:
      return nil
    }
  }

  /// The members each record type may have; any other member leaves the line to the decoder.
  private static let queuedMembers: Set<String> = [
    "type", "id", "time", "lead", "endpoint", "method", "operator",
  ]
  private static let sendingMembers: Set<String> = ["type", "id", "time", "attempt", "pid"]
  private static let outcomeMembers: Set<String> = [
    "type", "id", "time", "attempt", "kind", "http_status", "reason",
  ]
  private static let leadMembers: Set<String> = [
    "first_name", "last_name", "phone", "email", "comment", "extra_fields",
  ]
  private static let leadTexts = ["first_name", "last_name", "phone", "email", "comment"]

  /// True when every member of `members` is named in `names`.
  private static func only(_ members: [String: Value], among names: Set<String>) -> Bool {
    members.keys.allSatisfy(names.contains)
  }

  /// The lead of a `queued` record: absent text fields are empty, as the decoder reads them.
  private static func lead(from fields: [String: Value]) -> Lead? {
    guard only(fields, among: leadMembers) else { return nil }
    var texts: [String: String] = [:]
    for name in leadTexts {
      guard let value = fields[name] else { continue }
      guard case .string(let text) = value else { return nil }
      texts[name] = text
    }
    var extraFields: [ExtraField] = []
    if let value = fields["extra_fields"] {
      guard case .array(let elements) = value else { return nil }
      for element in elements {
        guard case .object(let pair) = element, pair.count == 2,
          case .string(let code)? = pair["code"], case .string(let text)? = pair["value"]
        else { return nil }
        extraFields.append(ExtraField(code: code, value: text))
      }
    }
    return Lead(
      firstName: texts["first_name"] ?? "", lastName: texts["last_name"] ?? "",
      phone: texts["phone"] ?? "", email: texts["email"] ?? "", comment: texts["comment"] ?? "",
      extraFields: extraFields)
  }

  /// One value at the current position; nil for anything outside the subset.
  private mutating func value(depth: Int) -> Value? {
    guard depth <= Self.deepest, position < bytes.count else { return nil }
    switch bytes[position] {
    case UInt8(ascii: "\""):
      return string().map(Value.string)
    case UInt8(ascii: "{"):
      return object(depth: depth)
    case UInt8(ascii: "["):
      return array(depth: depth)
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return integer().map(Value.integer)
    default:
      return nil
    }
  }

  /// `{"name":value,...}` with no member named twice.
  private mutating func object(depth: Int) -> Value? {
    position += 1
    var members: [String: Value] = [:]
    if take(UInt8(ascii: "}")) { return .object(members) }
    while true {
      guard let name = string(), take(UInt8(ascii: ":")), let value = value(depth: depth + 1),
        members.updateValue(value, forKey: name) == nil
      else { return nil }
      if take(UInt8(ascii: "}")) { return .object(members) }
      guard take(UInt8(ascii: ",")) else { return nil }
    }
  }

  /// `[value,...]`.
  private mutating func array(depth: Int) -> Value? {
    position += 1
    var elements: [Value] = []
    if take(UInt8(ascii: "]")) { return .array(elements) }
    while true {
      guard let element = value(depth: depth + 1) else { return nil }
      elements.append(element)
      if take(UInt8(ascii: "]")) { return .array(elements) }
      guard take(UInt8(ascii: ",")) else { return nil }
    }
  }

  /// A string with neither escapes nor control characters, its bytes valid UTF-8.
  private mutating func string() -> String? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(validating: bytes[start..<position], as: UTF8.self)
        position += 1
        return text
      }
      guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
      position += 1
    }
    return nil
  }

  /// Digits alone, without a leading zero (but `0` itself), and not followed by a fraction
  /// or an exponent.
  private mutating func integer() -> Int? {
    let start = position
    var value = 0
    while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
    {
      // Counted before the digit is taken: a 19th digit could overflow `Int`.
      guard position - start < Self.longestNumber else { return nil }
      value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
      position += 1
    }
    let digits = position - start
    guard digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
    if position < bytes.count,
      [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position])
    {
      return nil
    }
    return value
  }

  /// Steps over `byte` when it is next.
  private mutating func take(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }
}

/// A quick writer for the records a backlog writes by the thousand (`sending`, `outcome`),
/// giving byte for byte what `JSONEncoder` gives with the log's settings (sorted keys, no
/// escaped slashes, the log's time format).
///
/// It answers nil for every other record, and for one holding a text that JSON would escape
/// (a quote, a backslash, a control character) or CRM error codes; `HistoryRecord.jsonLine()`
/// then asks the encoder. Tests hold the two to the same bytes.
enum CanonicalRecordWriter {
  /// The line of `record` without its newline, or nil to leave it to the encoder.
  static func line(for record: HistoryRecord) -> [UInt8]? {
    var line = Line()
    switch record {
    case .sending(let id, let time, let attempt, let pid):
      line.member("attempt", attempt, first: true)
      guard line.member("id", id.rawValue) else { return nil }
      if let pid { line.member("pid", Int(pid)) }
      guard line.member("time", HistoryRecord.timeText(time)) else { return nil }
      _ = line.member("type", HistoryRecord.RecordType.sending.rawValue)
    case .outcome(let id, let time, let attempt, let outcome):
      guard outcome.errors.isEmpty else { return nil }
      line.member("attempt", attempt, first: true)
      if let status = outcome.httpStatus { line.member("http_status", status) }
      guard line.member("id", id.rawValue), line.member("kind", outcome.kind.rawValue),
        line.member("reason", outcome.reason),
        line.member("time", HistoryRecord.timeText(time))
      else { return nil }
      _ = line.member("type", HistoryRecord.RecordType.outcome.rawValue)
    case .queued, .done, .compacted:
      return nil
    }
    line.bytes.append(UInt8(ascii: "}"))
    return line.bytes
  }

  /// An object being written, its members in the order given (which must be sorted).
  private struct Line {
    var bytes: [UInt8] = [UInt8(ascii: "{")]

    /// Adds `"name":number`.
    mutating func member(_ name: StaticString, _ number: Int, first: Bool = false) {
      key(name, first: first)
      bytes += Array(String(number).utf8)
    }

    /// Adds `"name":"text"`; false, with nothing added, when the text needs escapes.
    mutating func member(_ name: StaticString, _ text: String) -> Bool {
      let utf8 = text.utf8
      guard
        !utf8.contains(where: {
          $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
        })
      else { return false }
      key(name, first: false)
      bytes.append(UInt8(ascii: "\""))
      bytes += utf8
      bytes.append(UInt8(ascii: "\""))
      return true
    }

    private mutating func key(_ name: StaticString, first: Bool) {
      if !first { bytes.append(UInt8(ascii: ",")) }
      bytes.append(UInt8(ascii: "\""))
      name.withUTF8Buffer { bytes += $0 }
      bytes += [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }
  }
}
