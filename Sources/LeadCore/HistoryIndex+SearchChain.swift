extension HistoryIndex {
  /// The answers to the queries typed on one from another, oldest (widest) first: typing a
  /// letter narrows the last answer, and deleting it again (Backspace) finds the answer to the
  /// shorter query still here instead of searching every lead once more.
  ///
  /// Every answer in the chain is for the same states and the same version of the index; the
  /// chain is cut back at the first query that is neither one of them nor typed on from one.
  struct SearchChain {
    /// At most this many answers are kept.
    static let maximumLinks = 16
    /// At most this many positions are kept over all answers (16 MB): the oldest answers go
    /// first, and the newest is always kept.
    static let maximumPositions = 4_000_000

    private(set) var links: [SearchCache] = []

    /// The kept answer to exactly `pattern`, if any; the answers typed on from it are dropped,
    /// since the next key narrows from it again.
    mutating func answer(to pattern: SearchPattern, mask: UInt8, version: Int) -> [Int32]? {
      keepOnly(mask: mask, version: version)
      guard let index = links.lastIndex(where: { $0.pattern == pattern }) else { return nil }
      links.removeSubrange((index + 1)...)
      return links[index].result
    }

    /// The narrowest kept answer that holds every lead `pattern` can match, if any; the
    /// answers after it are dropped.
    mutating func widerAnswer(for pattern: SearchPattern, mask: UInt8, version: Int)
      -> [Int32]?
    {
      keepOnly(mask: mask, version: version)
      guard let index = links.lastIndex(where: { $0.pattern.isNarrowed(by: pattern) }) else {
        links.removeAll()
        return nil
      }
      links.removeSubrange((index + 1)...)
      return links[index].result
    }

    /// Adds the answer to the newest query at the end, within the limits.
    mutating func append(_ link: SearchCache) {
      links.append(link)
      var total = links.reduce(0) { $0 + $1.result.count }
      while links.count > 1, links.count > Self.maximumLinks || total > Self.maximumPositions {
        total -= links.removeFirst().result.count
      }
    }

    /// Drops every answer given for other states or an older version of the index.
    private mutating func keepOnly(mask: UInt8, version: Int) {
      if let last = links.last, last.mask != mask || last.version != version {
        links.removeAll()
      }
    }
  }
}
