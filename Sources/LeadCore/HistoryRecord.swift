import Foundation

/// One line of the history log. A lead's records, read in order, give its state.
public enum HistoryRecord: Sendable, Equatable {
  /// The lead was accepted for sending; written and flushed before any request goes out.
  case queued(
    id: LeadID, time: Date, lead: Lead, endpoint: String, method: HTTPMethod,
    operatorName: String?)
  /// Attempt number `attempt` (from 1) is starting, in the process `pid` (nil in older logs).
  case sending(id: LeadID, time: Date, attempt: Int, pid: Int32? = nil)
  /// Attempt number `attempt` ended with `outcome`.
  case outcome(id: LeadID, time: Date, attempt: Int, outcome: Outcome)
  /// The operator `by` marked the lead done: its final state, whatever came before.
  case done(id: LeadID, time: Date, by: String)
  /// A lead's records folded into one by compaction: its fields, every attempt, its state.
  case compacted(HistoryEntry)

  /// The lead the record belongs to.
  public var id: LeadID {
    switch self {
    case .queued(let id, _, _, _, _, _), .sending(let id, _, _, _), .outcome(let id, _, _, _),
      .done(let id, _, _):
      id
    case .compacted(let entry): entry.id
    }
  }

  /// When the record was made.
  public var time: Date {
    switch self {
    case .queued(_, let time, _, _, _, _), .sending(_, let time, _, _), .outcome(_, let time, _, _),
      .done(_, let time, _):
      time
    case .compacted(let entry): entry.queuedAt
    }
  }
}

extension HistoryRecord: Codable {
  /// The `type` member that tells the records apart.
  enum RecordType: String, Codable {
    case queued
    case sending
    case outcome
    case done
    case compacted
  }

  private enum CodingKeys: String, CodingKey {
    case type
    case id
    case time
    case lead
    case endpoint
    case method
    case operatorName = "operator"
    case attempt
    case kind
    case httpStatus = "http_status"
    case errors
    case reason
    case by
    case pid
  }

  /// Reads a record written by `encode(to:)`; members a record type does not use are ignored.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let id = try container.decode(LeadID.self, forKey: .id)
    let time = try container.decode(Date.self, forKey: .time)
    switch try container.decode(RecordType.self, forKey: .type) {
    case .queued:
      self = .queued(
        id: id, time: time, lead: try container.decode(LeadPayload.self, forKey: .lead).lead,
        endpoint: try container.decode(String.self, forKey: .endpoint),
        method: try container.decode(HTTPMethod.self, forKey: .method),
        operatorName: try container.decodeIfPresent(String.self, forKey: .operatorName))
    case .sending:
      self = .sending(
        id: id, time: time, attempt: try container.decode(Int.self, forKey: .attempt),
        pid: try container.decodeIfPresent(Int32.self, forKey: .pid))
    case .outcome:
      let outcome = Outcome(
        kind: try container.decode(OutcomeKind.self, forKey: .kind),
        httpStatus: try container.decodeIfPresent(Int.self, forKey: .httpStatus),
        errors: try container.decodeIfPresent([CRMErrorCode].self, forKey: .errors) ?? [],
        reason: try container.decode(String.self, forKey: .reason))
      self = .outcome(
        id: id, time: time, attempt: try container.decode(Int.self, forKey: .attempt),
        outcome: outcome)
    case .done:
      self = .done(id: id, time: time, by: try container.decode(String.self, forKey: .by))
    case .compacted:
      self = .compacted(try CompactedPayload(from: decoder).entry)
    }
  }

  /// Writes one flat object with a `type` member; snake-case names for readers such as `jq`.
  public func encode(to encoder: any Encoder) throws {
    if case .compacted(let entry) = self {
      try CompactedPayload(entry).encode(to: encoder)
      return
    }
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(time, forKey: .time)
    switch self {
    case .queued(_, _, let lead, let endpoint, let method, let operatorName):
      try container.encode(RecordType.queued, forKey: .type)
      try container.encode(LeadPayload(lead), forKey: .lead)
      try container.encode(endpoint, forKey: .endpoint)
      try container.encode(method, forKey: .method)
      try container.encodeIfPresent(operatorName, forKey: .operatorName)
    case .sending(_, _, let attempt, let pid):
      try container.encode(RecordType.sending, forKey: .type)
      try container.encode(attempt, forKey: .attempt)
      try container.encodeIfPresent(pid, forKey: .pid)
    case .outcome(_, _, let attempt, let outcome):
      try container.encode(RecordType.outcome, forKey: .type)
      try container.encode(attempt, forKey: .attempt)
      try container.encode(outcome.kind, forKey: .kind)
      try container.encodeIfPresent(outcome.httpStatus, forKey: .httpStatus)
      if !outcome.errors.isEmpty {
        try container.encode(outcome.errors, forKey: .errors)
      }
      try container.encode(outcome.reason, forKey: .reason)
    case .done(_, _, let by):
      try container.encode(RecordType.done, forKey: .type)
      try container.encode(by, forKey: .by)
    case .compacted:
      break
    }
  }
}

/// A lead as the log writes it: fields under the CRM's own codes, so the file reads like the form.
struct LeadPayload: Codable {
  var lead: Lead

  init(_ lead: Lead) {
    self.lead = lead
  }

  private enum CodingKeys: String, CodingKey {
    case phone
    case email
    case firstName = "first_name"
    case lastName = "last_name"
    case comment
    case extraFields = "extra_fields"
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let text = { (key: CodingKeys) in try container.decodeIfPresent(String.self, forKey: key) ?? ""
    }
    lead = Lead(
      firstName: try text(.firstName), lastName: try text(.lastName), phone: try text(.phone),
      email: try text(.email), comment: try text(.comment),
      extraFields: try container.decodeIfPresent([ExtraField].self, forKey: .extraFields) ?? [])
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(lead.phone, forKey: .phone)
    try container.encode(lead.email, forKey: .email)
    try container.encode(lead.firstName, forKey: .firstName)
    try container.encode(lead.lastName, forKey: .lastName)
    try container.encode(lead.comment, forKey: .comment)
    if !lead.extraFields.isEmpty {
      try container.encode(lead.extraFields, forKey: .extraFields)
    }
  }
}

extension HistoryRecord {
  /// The record as one line of JSON, without the trailing newline.
  ///
  /// `sending` and `outcome` records are written by `CanonicalRecordWriter`, the rest (and any
  /// whose text needs escapes) by Foundation's `JSONEncoder`: the same bytes either way.
  func jsonLine() throws(HistoryError) -> [UInt8] {
    if let line = CanonicalRecordWriter.line(for: self) { return line }
    return try encodedByFoundation()
  }

  /// Slow path alone: the line Foundation's `JSONEncoder` writes, for tests that hold
  /// `CanonicalRecordWriter` to it.
  func encodedByFoundation() throws(HistoryError) -> [UInt8] {
    do {
      return Array(try Self.encoder.encode(self))
    } catch {
      throw .cannotEncode(reason: String(describing: error))
    }
  }

  /// Reads one line; nil for anything that is not a whole, well-formed record.
  ///
  /// The records this program writes are read by `CanonicalRecordReader`; any other line by
  /// Foundation's `JSONDecoder`, which gives the same record for those, many times slower.
  static func parse(line: some Collection<UInt8>) -> HistoryRecord? {
    CanonicalRecordReader.record(in: line)
      ?? (try? decoder.decode(HistoryRecord.self, from: Data(line)))
  }

  /// Slow path alone: what Foundation's `JSONDecoder` reads from `line`, for tests that hold
  /// `CanonicalRecordReader` to it.
  static func decodedByFoundation(line: some Collection<UInt8>) -> HistoryRecord? {
    try? decoder.decode(HistoryRecord.self, from: Data(line))
  }

  /// A record's time: ISO 8601 UTC with milliseconds as written, or any ISO 8601 time.
  static func time(from text: String) -> Date? {
    (try? timeStyle.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
  }

  /// Sorted keys, no escaped slashes, and times as ISO 8601 UTC with milliseconds.
  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(timeText(date))
    }
    return encoder
  }

  private static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      if let date = time(from: text) {
        return date
      }
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not an ISO 8601 time")
    }
    return decoder
  }

  /// A time as the log writes it: ISO 8601 UTC with milliseconds.
  static func timeText(_ date: Date) -> String {
    wholeMilliseconds(date).formatted(timeStyle)
  }

  /// The date moved to the middle of its nearest millisecond: the format truncates, and a
  /// time read back from the log (x.123 held as x.12299…) must write out as x.123 again, or
  /// compaction would shift every time it rewrites.
  private static func wholeMilliseconds(_ date: Date) -> Date {
    let milliseconds = (date.timeIntervalSinceReferenceDate * 1000).rounded()
    return Date(timeIntervalSinceReferenceDate: (milliseconds + 0.5) / 1000)
  }

  private static var timeStyle: Date.ISO8601FormatStyle {
    Date.ISO8601FormatStyle(includingFractionalSeconds: true)
  }
}
