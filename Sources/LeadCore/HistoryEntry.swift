import Foundation

/// One attempt to deliver a lead, as the log recorded it.
public struct AttemptRecord: Sendable, Equatable {
  /// The attempt's number, from 1.
  public var number: Int
  /// When the attempt started; nil if only its outcome was recorded.
  public var startedAt: Date?
  /// When its outcome was recorded; nil while it runs or if the program stopped during it.
  public var finishedAt: Date?
  /// How it ended, once it has.
  public var outcome: Outcome?

  /// Creates an attempt record.
  public init(number: Int, startedAt: Date? = nil, finishedAt: Date? = nil, outcome: Outcome? = nil)
  {
    self.number = number
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.outcome = outcome
  }
}

/// One lead with everything the log knows about it.
public struct HistoryEntry: Sendable, Equatable {
  /// The lead's identity.
  public var id: LeadID
  /// When it was queued.
  public var queuedAt: Date
  /// The fields as sent.
  public var lead: Lead
  /// The endpoint it was queued for.
  public var endpoint: String
  /// POST or GET.
  public var method: HTTPMethod
  /// Who entered it, when known.
  public var operatorName: String?
  /// Where it stands now.
  public var state: LeadState
  /// Its attempts, oldest first.
  public var attempts: [AttemptRecord]
  /// The outcome of the latest attempt that finished.
  public var lastOutcome: Outcome?
  /// Who marked the lead done; nil unless its state is `done`.
  public var doneBy: String?
  /// When it was marked done; nil unless its state is `done`.
  public var doneAt: Date?
  /// The process that wrote the latest `sending` record, when the record says.
  public var sendingPID: Int32?
  /// When a compaction removed the lead's personal data under `retention_days`; nil while the
  /// lead keeps its fields.
  public var purgedAt: Date?

  /// Creates an entry.
  public init(
    id: LeadID, queuedAt: Date, lead: Lead, endpoint: String, method: HTTPMethod,
    operatorName: String? = nil, state: LeadState = .queued, attempts: [AttemptRecord] = [],
    lastOutcome: Outcome? = nil
  ) {
    self.id = id
    self.queuedAt = queuedAt
    self.lead = lead
    self.endpoint = endpoint
    self.method = method
    self.operatorName = operatorName
    self.state = state
    self.attempts = attempts
    self.lastOutcome = lastOutcome
  }

  /// The entry a lead's first record starts: a queued or a compacted one; nil for the others.
  init?(starting record: HistoryRecord) {
    switch record {
    case .queued(let id, let time, let lead, let endpoint, let method, let name):
      self.init(
        id: id, queuedAt: time, lead: lead, endpoint: endpoint, method: method,
        operatorName: name)
    case .compacted(let entry):
      self = entry
    case .sending, .outcome, .done:
      return nil
    }
  }

  /// Folds one later record into the entry; false if the record does not apply to it.
  mutating func apply(_ record: HistoryRecord) -> Bool {
    guard record.id == id else { return false }
    switch record {
    case .queued, .compacted:
      return false
    case .sending(_, let time, let attempt, let pid):
      updateAttempt(attempt) { $0.startedAt = time }
      sendingPID = pid
      if state != .done {
        state = .sending
      }
    case .outcome(_, let time, let attempt, let outcome):
      updateAttempt(attempt) {
        $0.finishedAt = time
        $0.outcome = outcome
      }
      lastOutcome = outcome
      // A late answer never reopens a lead the operator has closed.
      if state != .done {
        state = LeadState(outcome.kind)
      }
    case .done(_, let time, let name):
      doneBy = name
      doneAt = time
      state = .done
    }
    return true
  }

  private mutating func updateAttempt(_ number: Int, _ change: (inout AttemptRecord) -> Void) {
    if let index = attempts.lastIndex(where: { $0.number == number }) {
      change(&attempts[index])
    } else {
      var attempt = AttemptRecord(number: number)
      change(&attempt)
      attempts.append(attempt)
    }
  }
}

/// What the log holds: its leads, newest first, and the lines that could not be read.
public struct HistorySnapshot: Sendable, Equatable {
  /// The leads, the most recently queued first.
  public var entries: [HistoryEntry]
  /// 1-based numbers of lines skipped as damaged (torn, padded, invalid or orphaned records).
  public var damagedLines: [Int]
  /// Why the file could not be read at all, if it could not; a missing file is not a problem.
  public var readProblem: String?

  /// Creates a snapshot.
  public init(entries: [HistoryEntry] = [], damagedLines: [Int] = [], readProblem: String? = nil) {
    self.entries = entries
    self.damagedLines = damagedLines
    self.readProblem = readProblem
  }

  /// Folds the log's lines, oldest first, into entries; never fails on damage. A line over
  /// `HistoryIndex.longestLine` is damage, as the index reads it.
  ///
  /// A lead left `sending` by a process that `isAlive` says is gone becomes `uncertain`.
  /// `orphansAreDamage` false reads a piece of a log: records of leads that started before it
  /// are left out rather than counted as damaged.
  static func fold(
    lines: [ArraySlice<UInt8>], isAlive: (Int32) -> Bool = ProcessLiveness.isAlive,
    orphansAreDamage: Bool = true
  ) -> HistorySnapshot {
    var entries: [HistoryEntry] = []
    var index: [LeadID: Int] = [:]
    var damaged: [Int] = []
    for (offset, line) in lines.enumerated() {
      if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
        continue
      }
      guard line.count <= HistoryIndex.longestLine, let record = HistoryRecord.parse(line: line)
      else {
        damaged.append(offset + 1)
        continue
      }
      if let first = HistoryEntry(starting: record) {
        guard index[first.id] == nil else {
          damaged.append(offset + 1)
          continue
        }
        index[first.id] = entries.count
        entries.append(first)
      } else if let position = index[record.id], entries[position].apply(record) {
        continue
      } else if orphansAreDamage {
        damaged.append(offset + 1)
      }
    }
    for position in entries.indices where entries[position].state == .sending {
      entries[position].markInterruptedUnlessAlive(isAlive)
    }
    return HistorySnapshot(entries: entries.reversed(), damagedLines: damaged)
  }
}
