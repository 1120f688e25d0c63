import CBytes
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension HistoryIndex {
  /// The positions of the leads in `states` whose name, e-mail or phone matches `query`, newest
  /// first.
  ///
  /// A lead matches when the folded query (`HistorySearchText.folded`) is part of its name
  /// (first name first or last name first), its e-mail or its phone; a phone-like query (digits
  /// with spaces, `+ - ( )`) also when its digits are part of the phone's digits however either
  /// was written, a partial number typed with the trunk `8` (`8 912`) matching a stored
  /// `7 912…`; punctuation alone (`+`, `(`), the start of a number, matches every lead with a
  /// phone. An empty query matches every lead. The answer is kept: asking again costs nothing,
  /// a longer query typed on from this one costs only the leads that matched before, and going
  /// back to a shorter query already asked (Backspace) costs nothing (`SearchChain`).
  public func matches(query: String, states: Set<LeadState>) -> [Int32] {
    let mask = states.reduce(UInt8(0)) { $0 | (1 << $1.code) }
    let pattern = SearchPattern(query)
    return storage.withLock { storage in
      let version = storage.version
      if let kept = storage.searches.answer(to: pattern, mask: mask, version: version) {
        return kept
      }
      let result: [Int32]
      if let wider = storage.searches.widerAnswer(for: pattern, mask: mask, version: version) {
        result = wider.filter { storage.columns.matches(Int($0), pattern) }
      } else {
        result = storage.columns.search(pattern, mask: mask)
      }
      storage.searches.append(
        SearchCache(pattern: pattern, mask: mask, version: version, result: result))
      return result
    }
  }

  /// One search and its answer.
  struct SearchCache {
    var pattern: SearchPattern
    var mask: UInt8
    var version: Int
    var result: [Int32]
  }

  /// A query made ready for the search: folded text, and the digits of a phone-like query.
  struct SearchPattern: Equatable {
    /// The folded query, without control characters or surrounding spaces.
    var text: [UInt8]
    /// Whether the query looks like a phone: digits, spaces, `+ - ( )` only.
    var isPhoneLike: Bool
    /// The query's digits when it looks like a phone; else empty.
    var digits: [UInt8]

    init(_ query: String) {
      let cleaned = String(
        query.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
      ).trimmingCharacters(in: .whitespaces)
      text = HistorySearchText.foldedBytes(cleaned)
      isPhoneLike = cleaned.unicodeScalars.allSatisfy {
        " +-()0123456789".unicodeScalars.contains($0)
      }
      digits = isPhoneLike ? HistorySearchText.phoneDigits(cleaned) : []
    }

    /// Whether every lead matching `longer` also matches this pattern: it was typed on from it.
    func isNarrowed(by longer: SearchPattern) -> Bool {
      guard !text.isEmpty, longer.text.starts(with: text) else { return false }
      // A phone-like query that stops being one matches by text only, which is narrower.
      return isPhoneLike || !longer.isPhoneLike
    }

    /// The longest word of a query of several words, or nil for a one-word query.
    var longestWord: [UInt8]? {
      let words = text.split(separator: UInt8(ascii: " "))
      guard words.count > 1 else { return nil }
      return words.max { $0.count < $1.count }.map(Array.init)
    }

    /// The digits as a stored phone would start with them when typed with the trunk 8.
    var trunkDigits: [UInt8]? {
      guard digits.first == UInt8(ascii: "8") else { return nil }
      return [UInt8(ascii: "7")] + digits.dropFirst()
    }
  }
}

extension HistoryIndex.Columns {
  /// Every lead in `mask` matching `pattern`, newest first.
  func search(_ pattern: HistoryIndex.SearchPattern, mask: UInt8) -> [Int32] {
    var found = [Bool](repeating: pattern.text.isEmpty, count: count)
    if !pattern.text.isEmpty {
      if let longestWord = pattern.longestWord {
        // A name typed last name first: checked only on the leads holding the query's longest
        // word somewhere, which a single search finds.
        forEachHit(of: longestWord) { position, _ in
          if reversedNameContains(position, pattern.text) { found[position] = true }
          return true
        }
      }
      forEachHit(of: pattern.text) { position, _ in
        found[position] = true
        return true
      }
      if pattern.isPhoneLike, pattern.digits.isEmpty {
        for position in 0..<count where hasPhone(position) {
          found[position] = true
        }
      }
      if !pattern.digits.isEmpty {
        forEachHit(of: pattern.digits) { position, offset in
          let inDigits = isInDigits(position, offset)
          if inDigits { found[position] = true }
          return inDigits
        }
      }
      if let trunk = pattern.trunkDigits {
        forEachHit(of: [HistorySearchText.digitsMark] + trunk) { position, _ in
          found[position] = true
          return true
        }
      }
    }
    var result: [Int32] = []
    for position in stride(from: count - 1, through: 0, by: -1)
    where found[position] && mask & (1 << states[position]) != 0 {
      result.append(Int32(position))
    }
    return result
  }

  /// Whether the lead at `position` matches `pattern`, checked on its text alone.
  func matches(_ position: Int, _ pattern: HistoryIndex.SearchPattern) -> Bool {
    let start = Int(textStarts[position])
    let end = Int(textStarts[position + 1])
    if pattern.text.isEmpty || find(pattern.text, in: start..<end) != nil {
      return true
    }
    if pattern.isPhoneLike, pattern.digits.isEmpty, hasPhone(position) {
      return true
    }
    if !pattern.digits.isEmpty, let digitsStart = digitsStart(position),
      find(pattern.digits, in: digitsStart..<end) != nil
    {
      return true
    }
    if let trunk = pattern.trunkDigits, let digitsStart = digitsStart(position),
      find(trunk, in: digitsStart..<end) == digitsStart
    {
      return true
    }
    return pattern.text.contains(UInt8(ascii: " ")) && reversedNameContains(position, pattern.text)
  }

  /// Calls `body` with the lead and offset of each occurrence of `needle` in the text, in
  /// order; when `body` answers true the search goes on from the next lead, else from the next
  /// byte.
  private func forEachHit(of needle: [UInt8], _ body: (Int, Int) -> Bool) {
    var from = 0
    while from < text.count, let offset = find(needle, in: from..<text.count) {
      let position = lead(containing: offset)
      from = body(position, offset) ? Int(textStarts[position + 1]) : offset + 1
    }
  }

  /// The offset of the first `needle` in `range` of the text, or nil.
  private func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
    guard !needle.isEmpty, range.count >= needle.count else { return nil }
    return text.withUnsafeBytes { haystack in
      needle.withUnsafeBytes { pattern in
        guard let base = haystack.baseAddress,
          let hit = cbytes_find(
            base + range.lowerBound, range.count, pattern.baseAddress, pattern.count)
        else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
      }
    }
  }

  /// The lead whose text holds `offset`: binary search over the starts.
  private func lead(containing offset: Int) -> Int {
    var low = 0
    var high = count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if Int(textStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// Where the lead's phone digits start in the text.
  private func digitsStart(_ position: Int) -> Int? {
    let range = Int(textStarts[position])..<Int(textStarts[position + 1])
    return find([HistorySearchText.digitsMark], in: range).map { $0 + 1 }
  }

  /// Whether the lead has any phone digits: its text does not end right after the mark.
  private func hasPhone(_ position: Int) -> Bool {
    let end = Int(textStarts[position + 1])
    return end >= 2 && text[end - 2] != HistorySearchText.digitsMark
  }

  private func isInDigits(_ position: Int, _ offset: Int) -> Bool {
    guard let start = digitsStart(position) else { return false }
    return offset >= start
  }

  /// Whether "last first" of the lead holds `needle`.
  private func reversedNameContains(_ position: Int, _ needle: [UInt8]) -> Bool {
    let firstLength = Int(firstNameLengths[position])
    guard firstLength < 255 else { return false }
    let start = Int(textStarts[position])
    guard
      let nameEnd = find([HistorySearchText.emailMark], in: start..<Int(textStarts[position + 1]))
    else { return false }
    let first = text[start..<start + firstLength]
    let last = text[(start + firstLength + 1)..<nameEnd]
    let reversed = Array(last) + [UInt8(ascii: " ")] + Array(first)
    guard reversed.count >= needle.count else { return false }
    return reversed.withUnsafeBytes { haystack in
      needle.withUnsafeBytes { pattern in
        cbytes_find(haystack.baseAddress, haystack.count, pattern.baseAddress, pattern.count) != nil
      }
    }
  }
}

extension HistoryIndex {
  /// The newest lead queued since `since` whose phone digits or e-mail equal the given ones
  /// (normalised as `DuplicateCheck` does); nil when there is none. Empty values never match.
  public func newestSharingContact(with lead: Lead, since: Date) -> Int? {
    let digits = HistorySearchText.phoneDigits(lead.phone)
    let email = HistorySearchText.foldedBytes(DuplicateCheck.normalisedEmail(lead.email))
    guard !digits.isEmpty || !email.isEmpty else { return nil }
    let start = since.timeIntervalSince1970
    return storage.withLock { storage in
      let columns = storage.columns
      var olderInARow = 0
      for position in stride(from: columns.count - 1, through: 0, by: -1) {
        guard columns.times[position] >= start else {
          // Leads are in log order: once a long stretch is older, the rest is too.
          olderInARow += 1
          if olderInARow > 1_000 { break }
          continue
        }
        olderInARow = 0
        if columns.sharesContact(position, digits: digits, email: email) { return position }
      }
      return nil
    }
  }
}

extension HistoryIndex.Columns {
  /// Whether the lead's phone digits equal `digits` or its e-mail equals `email`.
  func sharesContact(_ position: Int, digits: [UInt8], email: [UInt8]) -> Bool {
    let record = text[Int(textStarts[position])..<Int(textStarts[position + 1])]
    guard let emailMark = record.firstIndex(of: HistorySearchText.emailMark),
      let digitsMark = record[emailMark...].firstIndex(of: HistorySearchText.digitsMark)
    else { return false }
    let storedEmail = record[(emailMark + 1)..<digitsMark]
    let storedDigits = record[(digitsMark + 1)..<(record.endIndex - 1)]
    if !digits.isEmpty, storedDigits.elementsEqual(digits) { return true }
    return !email.isEmpty && storedEmail.elementsEqual(email)
  }
}
