import Foundation
import Synchronization

/// Every lead of a history log in a few compact columns: identity, time, state, where its
/// records lie in the file, and its folded searchable text.
///
/// A million leads take about a hundred bytes each, so the whole log can be listed and
/// filtered without keeping its records in memory; a lead's full entry is read back from the
/// file when it is shown. Positions count leads in the order the log first names them, so a
/// higher position is a newer lead. The index is shared by reference and locked inside, so a
/// copy of the console's state never copies the columns.
public final class HistoryIndex: Sendable {
  /// The log the offsets point into.
  public let url: URL

  let storage: Mutex<Storage>

  /// Wraps built columns.
  convenience init(url: URL, columns: Columns) {
    self.init(url: url, storage: Storage(columns: columns))
  }

  /// Wraps an index read from `url`.
  init(url: URL, storage: Storage) {
    self.url = url
    self.storage = Mutex(storage)
  }

  /// An index of no leads, for a log not read yet.
  public convenience init(url: URL) {
    self.init(url: url, columns: Columns())
  }

  /// The number of leads.
  public var count: Int {
    storage.withLock { $0.columns.count }
  }

  /// Bumped by every change, so callers can tell a cached answer is stale.
  public var version: Int {
    storage.withLock { $0.version }
  }

  /// The identifier of the lead at `position`.
  public func id(at position: Int) -> LeadID {
    storage.withLock { $0.columns.id(at: position) }
  }

  /// The state of the lead at `position`.
  public func state(at position: Int) -> LeadState {
    storage.withLock { $0.columns.state(at: position) }
  }

  /// When the lead at `position` was queued.
  public func queuedAt(_ position: Int) -> Date {
    storage.withLock { Date(timeIntervalSince1970: $0.columns.times[position]) }
  }

  /// The position of the lead `id`, or nil when the index does not hold it.
  public func position(of id: LeadID) -> Int? {
    storage.withLock { $0.columns.position(of: id) }
  }

  /// Adds a lead queued after the log was read; its records are looked up in memory, not in
  /// the file, until the log is indexed again.
  public func append(_ entry: HistoryEntry) {
    storage.withLock { storage in
      guard storage.columns.position(of: entry.id) == nil else { return }
      storage.columns.append(
        id: entry.id, time: entry.queuedAt.timeIntervalSince1970, state: entry.state,
        offset: -1, lead: entry.lead)
      storage.changed()
    }
  }

  /// Records a lead's new state; a lead the index does not hold is ignored.
  public func update(_ id: LeadID, to state: LeadState) {
    storage.withLock { storage in
      guard let position = storage.columns.position(of: id) else { return }
      storage.columns.states[position] = state.code
      storage.changed()
    }
  }

  /// How many leads queued in `interval` stand in each state.
  public func counts(queuedIn interval: DateInterval) -> [LeadState: Int] {
    storage.withLock { storage in
      if let cached = storage.counts, cached.version == storage.version,
        cached.interval == interval
      {
        return cached.counts
      }
      var tally = [Int](repeating: 0, count: LeadState.allCases.count)
      let start = interval.start.timeIntervalSince1970
      let end = interval.end.timeIntervalSince1970
      let columns = storage.columns
      // Newest first: leads are in log order, so once a whole stretch is older than the
      // interval the rest is too; a small margin allows for out-of-order writers.
      var olderInARow = 0
      for position in stride(from: columns.count - 1, through: 0, by: -1) {
        let time = columns.times[position]
        if time < start {
          olderInARow += 1
          if olderInARow > 1_000 { break }
          continue
        }
        olderInARow = 0
        if time < end { tally[Int(columns.states[position])] += 1 }
      }
      var counts: [LeadState: Int] = [:]
      for (code, state) in LeadState.allCases.enumerated() where tally[code] > 0 {
        counts[state] = tally[code]
      }
      storage.counts = (storage.version, interval, counts)
      return counts
    }
  }
}

extension HistoryIndex {
  /// The columns and the caches built on them, under the index's lock.
  struct Storage {
    var columns: Columns
    var version = 0
    var counts: (version: Int, interval: DateInterval, counts: [LeadState: Int])?
    var searches = SearchChain()
    var entries = EntryCache()
    var reading = Reading()

    init(columns: Columns) {
      self.columns = columns
    }

    mutating func changed() {
      version += 1
    }
  }
}

extension LeadState {
  /// The state's place in `allCases`, as the index stores it.
  var code: UInt8 {
    UInt8(Self.allCases.firstIndex(of: self) ?? 0)
  }

  /// The state stored as `code`.
  init(code: UInt8) {
    self = Self.allCases[Int(code)]
  }
}

extension HistoryIndex {
  /// An index of entries held in memory, oldest first, with no file behind it: for a piece of
  /// the log read before the whole of it.
  public static func inMemory(_ entries: [HistoryEntry]) -> HistoryIndex {
    var columns = Columns()
    columns.reserve(leads: entries.count, textBytes: entries.count * 64)
    for entry in entries where columns.position(of: entry.id) == nil {
      columns.append(
        id: entry.id, time: entry.queuedAt.timeIntervalSince1970, state: entry.state,
        offset: -1, lead: entry.lead)
    }
    return HistoryIndex(url: URL(fileURLWithPath: "/dev/null"), columns: columns)
  }

  /// The entries of leads that still need someone: waiting, uncertain or rejected, newest
  /// first, at most `limit` of them, read back from the file.
  public func openEntries(limit: Int) -> [HistoryEntry] {
    let open: Set<LeadState> = [.queued, .sending, .notDelivered, .uncertain, .rejected]
    return matches(query: "", states: open).prefix(limit).compactMap { entry(at: Int($0)) }
  }
}
