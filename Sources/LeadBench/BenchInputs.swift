import Foundation
import LeadCore

/// The suite's input files, in one folder (`.build/bench/` under `make bench`), each written
/// once and reused while its settings and size still match.
struct BenchInputs {
  /// The large log: `bigLeads` leads (1,000,000 by default).
  var bigLog: URL
  var big: GeneratedLog
  /// The log of the keystroke measure: 100,000 leads.
  var keystrokeLog: URL
  /// The input of `retry`: leads that were not delivered once, 10,000 by default.
  var retryLog: URL
  var retry: GeneratedLog
  /// The schema of 300 fields.
  var schema: URL

  static let keystrokeLeads = 100_000
  static let schemaFields = 300

  /// Finds or writes every input in `directory`.
  static func ensure(
    in directory: URL, bigLeads: Int, retryLeads: Int, progress: (String) -> Void
  ) throws(BenchError) -> BenchInputs {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: directory.path, reason: error.localizedDescription)
    }
    let bigLog = directory.appendingPathComponent("history-\(bigLeads).jsonl")
    let big = try GeneratedLog.ensure(LogGenerator(leads: bigLeads), at: bigLog, progress: progress)
    let keystrokeLog = directory.appendingPathComponent("history-\(keystrokeLeads).jsonl")
    _ = try GeneratedLog.ensure(
      LogGenerator(leads: keystrokeLeads, seed: 2), at: keystrokeLog, progress: progress)
    let retryLog = directory.appendingPathComponent("retry-\(retryLeads).jsonl")
    let retry = try GeneratedLog.ensure(
      LogGenerator(leads: retryLeads, seed: 3, allNotDelivered: true), at: retryLog,
      progress: progress)
    let schema = directory.appendingPathComponent("schema-\(schemaFields).json")
    if (try? SchemaLoader.load(from: schema))?.fields.count != schemaFields {
      progress("writing \(schema.path) (\(schemaFields) fields)")
      try SchemaGenerator(fields: schemaFields).write(to: schema)
    }
    return BenchInputs(
      bigLog: bigLog, big: big, keystrokeLog: keystrokeLog, retryLog: retryLog, retry: retry,
      schema: schema)
  }
}
