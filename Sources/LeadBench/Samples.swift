/// Repeated measurements of one quantity; the table shows their median, minimum and maximum.
struct Samples: Equatable {
  var values: [Double]

  init(_ values: [Double] = []) {
    self.values = values
  }

  mutating func add(_ value: Double) {
    values.append(value)
  }

  var isEmpty: Bool { values.isEmpty }

  /// The middle value (the mean of the two middle ones for an even count); 0 when empty.
  var median: Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  var min: Double { values.min() ?? 0 }
  var max: Double { values.max() ?? 0 }

  /// The samples times a factor, e.g. seconds to milliseconds.
  func scaled(_ factor: Double) -> Samples {
    Samples(values.map { $0 * factor })
  }
}

/// The unit a row's figures are shown in.
enum BenchUnit {
  case milliseconds
  case megabytes
  case perSecond

  /// `12.3 ms`, `140 MB` (10^6 bytes), `950/s`.
  func format(_ value: Double) -> String {
    switch self {
    case .milliseconds: "\(bare(value)) ms"
    case .megabytes: "\(bare(value)) MB"
    case .perSecond: "\(bare(value))/s"
    }
  }

  /// The median with the range in brackets, e.g. `12.3 ms (11.9–14.0)`.
  func format(_ samples: Samples) -> String {
    guard !samples.isEmpty else { return "—" }
    guard samples.values.count > 1 else { return format(samples.median) }
    return "\(format(samples.median)) (\(bare(samples.min))–\(bare(samples.max)))"
  }

  /// The figure alone: whole numbers from 100 up, else three significant digits.
  private func bare(_ value: Double) -> String {
    if value >= 100 || self != .milliseconds { return String(Int(value.rounded())) }
    let places = value >= 10 ? 1 : value >= 1 ? 2 : 3
    return Self.fixed(value, places: places)
  }

  /// `value` with `places` decimals, without Foundation's locale-dependent formatting.
  static func fixed(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let text = String(Int((value * scale).rounded()))
    guard places > 0 else { return text }
    let padded = String(repeating: "0", count: Swift.max(0, places + 1 - text.count)) + text
    return "\(padded.dropLast(places)).\(padded.suffix(places))"
  }
}
