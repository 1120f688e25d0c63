import Foundation

/// What the history index needs from one log line, read without building a whole record.
///
/// The scanner walks the JSON once, keeps byte ranges of the few members the index uses and
/// skips the rest; it accepts exactly the lines `HistoryRecord.parse(line:)` accepts, which a
/// test checks line by line on generated and damaged logs.
struct HistoryLineSummary: Equatable {
  /// The record's `type`.
  var type: HistoryRecord.RecordType
  /// The lead's identifier, as written.
  var id: String
  /// The record's `time`.
  var time: Date
  /// The lead's fields the pane searches and shows; empty for records that carry no lead.
  var firstName = ""
  var lastName = ""
  var phone = ""
  var email = ""
  /// The state a `compacted` record carries, or the one an `outcome` record leads to.
  var state: LeadState?
  /// The process that wrote a `sending` record (or the one a compacted lead was sending in).
  var pid: Int32?
}

/// A one-pass reader of history lines for the index; see `HistoryLineSummary`.
struct HistoryLineScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The summary of one line, or nil when the line is not a whole, valid record.
  static func summary(of line: UnsafeBufferPointer<UInt8>) -> HistoryLineSummary? {
    var scanner = HistoryLineScanner(line)
    guard let members = scanner.topLevel() else { return nil }
    return members.summary()
  }

  /// The summary of a line held in an array slice.
  static func summary(of line: ArraySlice<UInt8>) -> HistoryLineSummary? {
    line.withUnsafeBufferPointer { summary(of: $0) }
  }

  // MARK: Members

  /// Raw text of the members the summary is made from; each is checked when it is used.
  private struct Members {
    var type: String?
    var id: String?
    var time: String?
    var state: String?
    var kind: String?
    var pid: Int32?
    var lead: [String: String]?
    var reasonIsString = false
    var attemptIsInteger = false
    var byIsString = false
    var endpointIsString = false
    var methodIsValid = false
    var attemptsIsArray = false

    func summary() -> HistoryLineSummary? {
      guard let rawType = type, let recordType = HistoryRecord.RecordType(rawValue: rawType),
        let id, let rawTime = time, let date = HistoryTime.parse(rawTime)
      else { return nil }
      var summary = HistoryLineSummary(type: recordType, id: id, time: date)
      switch recordType {
      case .queued, .compacted:
        guard let lead, endpointIsString, methodIsValid else { return nil }
        summary.firstName = lead["first_name"] ?? ""
        summary.lastName = lead["last_name"] ?? ""
        summary.phone = lead["phone"] ?? ""
        summary.email = lead["email"] ?? ""
        if recordType == .compacted {
          guard let raw = state, let state = LeadState(rawValue: raw), attemptsIsArray else {
            return nil
          }
          summary.state = state
          summary.pid = pid
        }
      case .sending:
        guard attemptIsInteger else { return nil }
        summary.pid = pid
      case .outcome:
        guard attemptIsInteger, reasonIsString, let raw = kind,
          let kind = OutcomeKind(rawValue: raw)
        else { return nil }
        summary.state = LeadState(kind)
      case .done:
        guard byIsString else { return nil }
      }
      return summary
    }
  }

  /// Reads the whole line as one object and nothing after it but white space.
  private mutating func topLevel() -> Members? {
    var members = Members()
    let ok = object { key, scanner in
      switch key {
      case "type": return scanner.string().map { members.type = $0 } != nil
      case "id": return scanner.string().map { members.id = $0 } != nil
      case "time": return scanner.string().map { members.time = $0 } != nil
      case "state": return scanner.string().map { members.state = $0 } != nil
      case "kind": return scanner.string().map { members.kind = $0 } != nil
      case "reason": return scanner.string().map { _ in members.reasonIsString = true } != nil
      case "by": return scanner.string().map { _ in members.byIsString = true } != nil
      case "endpoint": return scanner.string().map { _ in members.endpointIsString = true } != nil
      case "method":
        return scanner.string().map { members.methodIsValid = HTTPMethod(rawValue: $0) != nil }
          != nil
      case "attempt":
        return scanner.integer().map { _ in members.attemptIsInteger = true } != nil
      case "pid":
        if scanner.literal("null") { return true }
        guard let value = scanner.integer(), let pid = Int32(exactly: value) else { return false }
        members.pid = pid
        return true
      case "lead":
        guard let lead = scanner.leadObject() else { return false }
        members.lead = lead
        return true
      case "attempts":
        scanner.skipWhiteSpace()
        members.attemptsIsArray = scanner.peek == UInt8(ascii: "[")
        return scanner.skipValue()
      default:
        return scanner.skipValue()
      }
    }
    guard ok else { return nil }
    skipWhiteSpace()
    return position == bytes.count ? members : nil
  }

  /// The `lead` member: an object of strings (and an `extra_fields` array, skipped).
  private mutating func leadObject() -> [String: String]? {
    var fields: [String: String] = [:]
    let ok = object { key, scanner in
      switch key {
      case "phone", "email", "first_name", "last_name", "comment":
        if scanner.literal("null") { return true }
        guard let value = scanner.string() else { return false }
        fields[key] = value
        return true
      case "extra_fields":
        scanner.skipWhiteSpace()
        return scanner.peek == UInt8(ascii: "[") && scanner.skipValue()
      default:
        return scanner.skipValue()
      }
    }
    return ok ? fields : nil
  }
}
