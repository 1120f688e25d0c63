import Foundation

/// The body of a JSON string inside a line: its byte range, and whether it holds escapes.
struct RawString {
  var start: Int
  var end: Int
  var escaped: Bool
}

/// What the history index needs from one log line, as byte ranges into the line.
struct HistoryLineFields {
  var type: HistoryRecord.RecordType
  var id: RawString
  var time: RawString
  var firstName: RawString?
  var lastName: RawString?
  var phone: RawString?
  var email: RawString?
  /// The state a `compacted` record carries, or the one an `outcome` record leads to.
  var state: LeadState?
  /// The process that wrote a `sending` record (or the one a compacted lead was sending in).
  var pid: Int32?
}

/// A one-pass reader of history lines for the index.
///
/// The scanner walks the JSON once over raw bytes, keeps the ranges of the few members the
/// index uses, checks the rest for grammar and UTF-8 without building values, and accepts the
/// lines `HistoryRecord.parse(line:)` accepts; tests hold it to that on whole, cut and broken
/// lines. A record broken only inside members the index skips (extra fields, attempts) is
/// listed; its detail view then says its records cannot be read.
struct HistoryLineScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The fields of one line, or nil when the line is not a whole, valid record.
  static func fields(of line: UnsafeBufferPointer<UInt8>) -> HistoryLineFields? {
    var scanner = HistoryLineScanner(line)
    return scanner.record()
  }

  /// The text of a string member; nil when its escapes or UTF-8 are invalid.
  func text(_ raw: RawString) -> String? {
    let body = UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end])
    return raw.escaped ? Self.unescape(body) : String(decoding: body, as: UTF8.self)
  }

  /// Reads the whole line as one record object and nothing after it but white space.
  private mutating func record() -> HistoryLineFields? {
    var members = Members()
    guard topLevel(into: &members) else { return nil }
    skipWhiteSpace()
    guard position == bytes.count else { return nil }
    return members.fields(in: self)
  }

  /// Raw members of a record, checked once the whole line has been read.
  private struct Members {
    var type: RawString?
    var id: RawString?
    var time: RawString?
    var state: RawString?
    var kind: RawString?
    var pid: Int32?
    var lead: LeadMembers?
    var hasReason = false
    var hasAttempt = false
    var hasBy = false
    var hasEndpoint = false
    var method: RawString?
    var hasAttempts = false

    func fields(in scanner: HistoryLineScanner) -> HistoryLineFields? {
      guard let type, !type.escaped,
        let recordType = HistoryRecord.RecordType(rawValue: scanner.ascii(type)),
        let id, let time
      else { return nil }
      var fields = HistoryLineFields(type: recordType, id: id, time: time)
      switch recordType {
      case .queued, .compacted:
        guard let lead, hasEndpoint, let method, HTTPMethod(rawValue: scanner.ascii(method)) != nil
        else { return nil }
        fields.firstName = lead.firstName
        fields.lastName = lead.lastName
        fields.phone = lead.phone
        fields.email = lead.email
        if recordType == .compacted {
          guard let state, let value = LeadState(rawValue: scanner.ascii(state)), hasAttempts
          else { return nil }
          fields.state = value
          fields.pid = pid
        }
      case .sending:
        guard hasAttempt else { return nil }
        fields.pid = pid
      case .outcome:
        guard hasAttempt, hasReason, let kind,
          let value = OutcomeKind(rawValue: scanner.ascii(kind))
        else { return nil }
        fields.state = LeadState(value)
      case .done:
        guard hasBy else { return nil }
      }
      return fields
    }
  }

  /// The `lead` member's fields the index uses.
  private struct LeadMembers {
    var firstName: RawString?
    var lastName: RawString?
    var phone: RawString?
    var email: RawString?
  }

  /// Short ASCII values (types, states, methods) as text; anything else gives "".
  func ascii(_ raw: RawString) -> String {
    guard !raw.escaped, raw.end - raw.start <= 16 else { return "" }
    return String(
      decoding: UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]), as: UTF8.self)
  }

  private mutating func topLevel(into members: inout Members) -> Bool {
    objectMembers { scanner, key in
      switch key {
      case "type": return scanner.stringMember { members.type = $0 }
      case "id": return scanner.stringMember { members.id = $0 }
      case "time": return scanner.stringMember { members.time = $0 }
      case "state": return scanner.stringMember { members.state = $0 }
      case "kind": return scanner.stringMember { members.kind = $0 }
      case "reason": return scanner.stringMember { _ in members.hasReason = true }
      case "by": return scanner.stringMember { _ in members.hasBy = true }
      case "endpoint": return scanner.stringMember { _ in members.hasEndpoint = true }
      case "method": return scanner.stringMember { members.method = $0 }
      case "attempt":
        members.hasAttempt = scanner.integer() != nil
        return members.hasAttempt
      case "pid":
        if scanner.literal("null") { return true }
        guard let value = scanner.integer(), let pid = Int32(exactly: value) else { return false }
        members.pid = pid
        return true
      case "lead":
        var lead = LeadMembers()
        guard scanner.leadObject(into: &lead) else { return false }
        members.lead = lead
        return true
      case "attempts":
        scanner.skipWhiteSpace()
        members.hasAttempts = scanner.peek == UInt8(ascii: "[")
        return scanner.skipValue()
      default:
        return scanner.skipValue()
      }
    }
  }

  /// The `lead` member: strings (or null) for the base fields, an array of extra fields.
  private mutating func leadObject(into lead: inout LeadMembers) -> Bool {
    objectMembers { scanner, key in
      switch key {
      case "first_name": return scanner.optionalString { lead.firstName = $0 }
      case "last_name": return scanner.optionalString { lead.lastName = $0 }
      case "phone": return scanner.optionalString { lead.phone = $0 }
      case "email": return scanner.optionalString { lead.email = $0 }
      case "comment": return scanner.optionalString { _ in }
      case "extra_fields":
        scanner.skipWhiteSpace()
        return (scanner.peek == UInt8(ascii: "[") || scanner.peek == UInt8(ascii: "n"))
          && scanner.skipValue()
      default:
        return scanner.skipValue()
      }
    }
  }

  /// A string value whose escapes decode; `take` gets its range.
  private mutating func stringMember(_ take: (RawString) -> Void) -> Bool {
    guard let raw = rawString(), !raw.escaped || text(raw) != nil else { return false }
    take(raw)
    return true
  }

  /// A string value or `null` (which leaves the field empty, as the decoder reads it).
  private mutating func optionalString(_ take: (RawString) -> Void) -> Bool {
    if literal("null") { return true }
    return stringMember(take)
  }
}
