import Foundation

/// The JSON of a `compacted` record: one flat object holding everything the fold knew.
///
/// Member names follow the other records (`time` is when the lead was queued), so a reader
/// such as `jq` finds `id`, `lead` and `operator` where it finds them in a `queued` record.
struct CompactedPayload: Codable {
  var entry: HistoryEntry

  init(_ entry: HistoryEntry) {
    self.entry = entry
  }

  private enum CodingKeys: String, CodingKey {
    case type
    case id
    case time
    case lead
    case endpoint
    case method
    case operatorName = "operator"
    case state
    case attempts
    case lastOutcome = "last_outcome"
    case doneBy = "done_by"
    case doneAt = "done_at"
    case pid
    case purgedAt = "purged_at"
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var entry = HistoryEntry(
      id: try container.decode(LeadID.self, forKey: .id),
      queuedAt: try container.decode(Date.self, forKey: .time),
      lead: try container.decode(LeadPayload.self, forKey: .lead).lead,
      endpoint: try container.decode(String.self, forKey: .endpoint),
      method: try container.decode(HTTPMethod.self, forKey: .method),
      operatorName: try container.decodeIfPresent(String.self, forKey: .operatorName),
      state: try container.decode(LeadState.self, forKey: .state),
      attempts: try container.decode([AttemptPayload].self, forKey: .attempts).map(\.attempt),
      lastOutcome: try container.decodeIfPresent(OutcomePayload.self, forKey: .lastOutcome)?
        .outcome)
    entry.doneBy = try container.decodeIfPresent(String.self, forKey: .doneBy)
    entry.doneAt = try container.decodeIfPresent(Date.self, forKey: .doneAt)
    entry.sendingPID = try container.decodeIfPresent(Int32.self, forKey: .pid)
    entry.purgedAt = try container.decodeIfPresent(Date.self, forKey: .purgedAt)
    self.entry = entry
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(HistoryRecord.RecordType.compacted, forKey: .type)
    try container.encode(entry.id, forKey: .id)
    try container.encode(entry.queuedAt, forKey: .time)
    try container.encode(LeadPayload(entry.lead), forKey: .lead)
    try container.encode(entry.endpoint, forKey: .endpoint)
    try container.encode(entry.method, forKey: .method)
    try container.encodeIfPresent(entry.operatorName, forKey: .operatorName)
    try container.encode(entry.state, forKey: .state)
    try container.encode(entry.attempts.map(AttemptPayload.init), forKey: .attempts)
    try container.encodeIfPresent(entry.lastOutcome.map(OutcomePayload.init), forKey: .lastOutcome)
    try container.encodeIfPresent(entry.doneBy, forKey: .doneBy)
    try container.encodeIfPresent(entry.doneAt, forKey: .doneAt)
    try container.encodeIfPresent(entry.sendingPID, forKey: .pid)
    try container.encodeIfPresent(entry.purgedAt, forKey: .purgedAt)
  }
}

/// One attempt inside a compacted record.
private struct AttemptPayload: Codable {
  var attempt: AttemptRecord

  init(_ attempt: AttemptRecord) {
    self.attempt = attempt
  }

  private enum CodingKeys: String, CodingKey {
    case number
    case started
    case finished
    case outcome
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    attempt = AttemptRecord(
      number: try container.decode(Int.self, forKey: .number),
      startedAt: try container.decodeIfPresent(Date.self, forKey: .started),
      finishedAt: try container.decodeIfPresent(Date.self, forKey: .finished),
      outcome: try container.decodeIfPresent(OutcomePayload.self, forKey: .outcome)?.outcome)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(attempt.number, forKey: .number)
    try container.encodeIfPresent(attempt.startedAt, forKey: .started)
    try container.encodeIfPresent(attempt.finishedAt, forKey: .finished)
    try container.encodeIfPresent(attempt.outcome.map(OutcomePayload.init), forKey: .outcome)
  }
}

/// An outcome inside a compacted record, with the member names of an `outcome` record.
private struct OutcomePayload: Codable {
  var outcome: Outcome

  init(_ outcome: Outcome) {
    self.outcome = outcome
  }

  private enum CodingKeys: String, CodingKey {
    case kind
    case httpStatus = "http_status"
    case errors
    case reason
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    outcome = Outcome(
      kind: try container.decode(OutcomeKind.self, forKey: .kind),
      httpStatus: try container.decodeIfPresent(Int.self, forKey: .httpStatus),
      errors: try container.decodeIfPresent([CRMErrorCode].self, forKey: .errors) ?? [],
      reason: try container.decode(String.self, forKey: .reason))
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(outcome.kind, forKey: .kind)
    try container.encodeIfPresent(outcome.httpStatus, forKey: .httpStatus)
    if !outcome.errors.isEmpty {
      try container.encode(outcome.errors, forKey: .errors)
    }
    try container.encode(outcome.reason, forKey: .reason)
  }
}
