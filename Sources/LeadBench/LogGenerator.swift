import Foundation
import LeadCore

/// Writes a history log as years of call-center work leave it, with the product's encoder.
///
/// Leads are spread over the year before `end`, oldest first. The oldest `compactedShare` of
/// them are `compacted` records, as the console leaves a log it has compacted at start; the
/// rest are `queued`, `sending` and `outcome` records (and `done` for leads closed by hand).
/// With `allNotDelivered`, every lead has one attempt that was not delivered: the input of
/// `lead-console retry`.
struct LogGenerator {
  var leads: Int
  var seed: UInt64 = 1
  var compactedShare = 0.8
  var allNotDelivered = false
  var end = Date()

  static let operators = ["Мария", "Ольга", "Дмитрий", "Светлана"]

  /// What a log written with these settings is described by, before its size is known.
  var expected: GeneratedLog {
    GeneratedLog(
      leads: leads, records: 0, bytes: 0, seed: seed,
      compactedShare: allNotDelivered ? 0 : compactedShare, allNotDelivered: allNotDelivered,
      newestContact: "")
  }

  /// Writes the log to `url` (through a temporary file renamed at the end) and its summary
  /// beside it; answers the summary.
  func write(to url: URL) throws(BenchError) -> GeneratedLog {
    let encoder = RecordEncoder()
    var faker = LeadFaker(random: SeededRandom(seed: seed))
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("lead-bench-check-\(getpid())")
    try encoder.verify(sampleRecords(&faker), scratch: scratch)

    faker = LeadFaker(random: SeededRandom(seed: seed))
    let partial = url.appendingPathExtension("partial")
    let output = try BatchWriter(url: partial)
    let span = 365 * 86_400_000.0
    let startMilliseconds = (end.timeIntervalSince1970 * 1000).rounded() - span
    let step = span / Double(max(1, leads))
    let compactedLeads = allNotDelivered ? 0 : Int(Double(leads) * compactedShare)
    var records = 0
    var newest: Lead?
    for index in 0..<leads {
      let jitter = Double.random(in: 0..<max(1, step * 0.8), using: &faker.random)
      let milliseconds = (startMilliseconds + Double(index) * step + jitter).rounded()
      let lead = faker.lead()
      let story = LeadStory(
        id: Self.id(index, seed: seed), queuedAt: Date(timeIntervalSince1970: milliseconds / 1000),
        lead: lead, operatorName: faker.pick(Self.operators),
        fate: allNotDelivered ? .notDelivered(attempts: 1) : LeadStory.Fate.random(&faker.random))
      let lines = index < compactedLeads ? [story.compacted] : story.records
      for record in lines {
        try output.add(encoder.line(record))
      }
      records += lines.count
      newest = lead
    }
    try output.finish(renamingTo: url)

    var summary = expected
    summary.records = records
    summary.bytes = output.written
    summary.newestContact = newest.map { $0.phone.isEmpty ? $0.email : $0.phone } ?? ""
    try summary.save(beside: url)
    return summary
  }

  /// A distinct, random-looking 12-digit identifier per lead: the index through a bijection
  /// of 48-bit numbers (an odd multiplier, then a mask from the seed), so none repeats.
  static func id(_ index: Int, seed: UInt64) -> LeadID {
    let mask48: UInt64 = 0xFFFF_FFFF_FFFF
    var mixer = SeededRandom(seed: seed ^ 0x5EED)
    let value = ((UInt64(index) &* 0x9E37_79B9_7F4B) ^ mixer.next()) & mask48
    let hex = String(value, radix: 16)
    return LeadID(rawValue: String(repeating: "0", count: 12 - hex.count) + hex)
  }

  /// One lead of every fate, in both forms, for the encoding check.
  private func sampleRecords(_ faker: inout LeadFaker) -> [HistoryRecord] {
    let fates: [LeadStory.Fate] = [
      .accepted(afterRetry: false), .accepted(afterRetry: true), .rejected(code: 101),
      .uncertain, .done, .notDelivered(attempts: 5),
    ]
    var records: [HistoryRecord] = []
    for (number, fate) in fates.enumerated() {
      let story = LeadStory(
        id: Self.id(number, seed: seed),
        queuedAt: Date(timeIntervalSince1970: 1_764_000_000.123 + Double(number) * 61.7),
        lead: faker.lead(), operatorName: faker.pick(Self.operators), fate: fate)
      records += story.records + [story.compacted]
    }
    return records
  }
}
