import Foundation

/// What `generate` wrote, kept beside the log (`FILE.meta.json`) so a later run can reuse it.
struct GeneratedLog: Codable, Equatable {
  var leads: Int
  var records: Int
  var bytes: Int
  var seed: UInt64
  var compactedShare: Double
  var allNotDelivered: Bool
  /// The newest lead's phone (else e-mail): the first history row a frame must show.
  var newestContact: String

  static func metaURL(for log: URL) -> URL {
    log.appendingPathExtension("meta.json")
  }

  /// Whether a log described by `other` was written with the same settings.
  func hasSameSettings(as other: GeneratedLog) -> Bool {
    leads == other.leads && seed == other.seed && compactedShare == other.compactedShare
      && allNotDelivered == other.allNotDelivered
  }

  func save(beside log: URL) throws(BenchError) {
    let url = Self.metaURL(for: log)
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(self).write(to: url)
    } catch {
      throw .cannotWrite(path: url.path, reason: error.localizedDescription)
    }
  }

  /// The summary of the log at `log`, when one was written and the file still has its size.
  static func existing(at log: URL) -> GeneratedLog? {
    guard let data = try? Data(contentsOf: metaURL(for: log)),
      let summary = try? JSONDecoder().decode(GeneratedLog.self, from: data),
      let size = try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int,
      size == summary.bytes
    else { return nil }
    return summary
  }

  /// The log at `url` as `generator` would write it: reused when it is there with the same
  /// settings and its recorded size, else written now. `progress` hears which.
  static func ensure(
    _ generator: LogGenerator, at url: URL, progress: (String) -> Void
  ) throws(BenchError) -> GeneratedLog {
    if let existing = existing(at: url), existing.hasSameSettings(as: generator.expected) {
      progress("reusing \(url.path) (\(existing.leads) leads, \(existing.bytes) bytes)")
      return existing
    }
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: url.deletingLastPathComponent().path, reason: "\(error)")
    }
    progress("writing \(url.path) (\(generator.leads) leads)…")
    let started = ContinuousClock.now
    let written = try generator.write(to: url)
    let seconds = Int((ContinuousClock.now - started).seconds)
    progress("wrote \(written.records) records, \(written.bytes) bytes in \(seconds) s")
    return written
  }
}
