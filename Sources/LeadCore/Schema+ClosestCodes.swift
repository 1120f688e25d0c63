extension Schema {
  /// The schema's codes nearest to a code that is not in it, best first, for an "unknown code,
  /// did you mean ..." message; empty when none is close.
  ///
  /// Codes are compared ignoring case, by edit distance (one inserted, removed or replaced
  /// character counts 1); a code is close when at most a third of the typed characters, and at
  /// least one, would have to change.
  public func closestCodes(to code: String, limit: Int = 3) -> [String] {
    SchemaSpelling.closest(to: code, among: fields.map(\.code), limit: limit)
  }
}

/// Edit distance for suggestions: the nearest field code, the member name an admin meant.
enum SchemaSpelling {
  /// The candidates nearest to `word`, best first and in their own order among equals.
  static func closest(to word: String, among candidates: [String], limit: Int) -> [String] {
    let target = Array(word.lowercased().unicodeScalars)
    let allowed = max(1, target.count / 3)
    let scored = candidates.enumerated().compactMap { index, candidate in
      let distance = distance(target, Array(candidate.lowercased().unicodeScalars), limit: allowed)
      return distance.map { (candidate: candidate, distance: $0, index: index) }
    }
    let ordered = scored.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
    var seen: Set<String> = []
    return ordered.map(\.candidate).filter { seen.insert($0).inserted }.prefix(max(0, limit))
      .map { $0 }
  }

  /// The edit distance between two words, or nil when it is over `limit`: inserting, removing
  /// or replacing a character, or swapping two neighbours (the commonest typo), counts 1.
  ///
  /// Rows whose smallest entry is already over the limit end the search early, so a
  /// 1,000-field schema costs little per lookup.
  static func distance(
    _ first: [Unicode.Scalar], _ second: [Unicode.Scalar], limit: Int
  ) -> Int? {
    guard abs(first.count - second.count) <= limit else {
      return nil
    }
    var beforePrevious = [Int](repeating: 0, count: second.count + 1)
    var previous = Array(0...second.count)
    var row = [Int](repeating: 0, count: second.count + 1)
    for (i, a) in first.enumerated() {
      row[0] = i + 1
      var smallest = row[0]
      for (j, b) in second.enumerated() {
        var best = min(previous[j] + (a == b ? 0 : 1), previous[j + 1] + 1, row[j] + 1)
        if i > 0, j > 0, a == second[j - 1], first[i - 1] == b {
          best = min(best, beforePrevious[j - 1] + 1)
        }
        row[j + 1] = best
        smallest = min(smallest, best)
      }
      if smallest > limit {
        return nil
      }
      (beforePrevious, previous, row) = (previous, row, beforePrevious)
    }
    let result = previous[second.count]
    return result <= limit ? result : nil
  }
}
