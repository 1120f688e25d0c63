/// One line of the benchmark table: a measure, this project's figures, the reference's, and
/// whether the target is met.
struct ResultRow {
  /// What a row is held to.
  enum Target {
    /// This project's median at most `factor` times the reference's.
    case atMostTimes(Double)
    /// This project at least `factor` times faster than the reference (median times).
    case fasterBy(Double)
    /// This project's median at least this share of the reference's (throughput).
    case shareAtLeast(Double)
    /// This project's median at most this value, in the row's unit.
    case medianAtMost(Double)
    /// Shown for comparison; no target of its own.
    case informational

    func text(_ unit: BenchUnit) -> String {
      switch self {
      case .atMostTimes(let factor): "≤ \(Self.number(factor))× ref"
      case .fasterBy(let factor): "≥ \(Self.number(factor))× faster"
      case .shareAtLeast(let share): "≥ \(Int((share * 100).rounded())) % of ref"
      case .medianAtMost(let value): "≤ \(unit.format(value))"
      case .informational: "—"
      }
    }

    static func number(_ value: Double) -> String {
      value == value.rounded() ? String(Int(value)) : String(value)
    }
  }

  var measure: String
  var ours: Samples
  var unit: BenchUnit
  var referenceName: String
  var reference: Samples
  var target: Target
  var note = ""
  /// Why the measure could not be taken, if it could not.
  var problem: String?

  /// A row for a measure that could not be taken.
  static func notRun(_ measure: String, target: Target, problem: String) -> ResultRow {
    ResultRow(
      measure: measure, ours: Samples(), unit: .milliseconds, referenceName: "—",
      reference: Samples(), target: target, problem: problem)
  }

  /// This project's median over the reference's, when both exist.
  private var ratio: Double? {
    guard !ours.isEmpty, !reference.isEmpty, reference.median > 0, ours.median > 0 else {
      return nil
    }
    return ours.median / reference.median
  }

  /// The comparison in the target's own terms: a factor, "× faster", or a share.
  var ratioText: String {
    guard let ratio else { return "—" }
    switch target {
    case .fasterBy: return "\(Self.factor(1 / ratio))× faster"
    case .shareAtLeast: return "\(Int((ratio * 100).rounded())) %"
    default: return "\(Self.factor(ratio))×"
    }
  }

  /// "pass", "FAIL", "info", or "not run".
  var verdict: String {
    guard problem == nil, !ours.isEmpty else { return "not run" }
    let met: Bool
    switch target {
    case .atMostTimes(let factor): met = ratio.map { $0 <= factor } ?? false
    case .fasterBy(let factor): met = ratio.map { 1 / $0 >= factor } ?? false
    case .shareAtLeast(let share): met = ratio.map { $0 >= share } ?? false
    case .medianAtMost(let value): met = ours.median <= value
    case .informational: return "info"
    }
    return met ? "pass" : "FAIL"
  }

  private static func factor(_ value: Double) -> String {
    value >= 100
      ? String(Int(value.rounded())) : BenchUnit.fixed(value, places: value < 1 ? 2 : 1)
  }
}

/// The table as Markdown, so the README can hold it as printed, with the notes under it.
enum ResultTable {
  static func markdown(_ rows: [ResultRow]) -> String {
    var lines = [
      "| measure | this project: median (min–max) | reference | reference: median (min–max) "
        + "| ratio | target | result |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    var notes: [String] = []
    for row in rows {
      var measure = row.measure
      let note = row.problem ?? row.note
      if !note.isEmpty {
        notes.append(note)
        measure += " [\(notes.count)]"
      }
      let cells = [
        measure, row.unit.format(row.ours), row.referenceName, row.unit.format(row.reference),
        row.ratioText, row.target.text(row.unit), row.verdict,
      ]
      let escaped = cells.map { $0.replacingOccurrences(of: "|", with: "/") }
      lines.append("| " + escaped.joined(separator: " | ") + " |")
    }
    lines.append("")
    for (number, note) in notes.enumerated() {
      lines.append("\(number + 1). \(note)")
    }
    return lines.joined(separator: "\n")
  }
}
