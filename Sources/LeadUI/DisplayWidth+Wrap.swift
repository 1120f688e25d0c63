extension DisplayWidth {
  /// The text broken into lines of at most `width` columns: at its own line breaks, then
  /// between words; a word wider than a line is broken where the line ends. Runs of spaces
  /// where a line is broken are dropped.
  public static func wrapped(_ text: String, toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var used = 0
      for word in paragraph.split(separator: " ") {
        var rest = Substring(word)
        while !rest.isEmpty {
          let wordWidth = of(String(rest))
          let gap = line.isEmpty ? 0 : 1
          if used + gap + wordWidth <= width {
            line += (gap == 1 ? " " : "") + rest
            used += gap + wordWidth
            rest = ""
          } else if line.isEmpty {
            let piece = prefix(of: rest, fitting: width)
            lines.append(String(piece))
            rest = rest.dropFirst(piece.count)
          } else {
            lines.append(line)
            line = ""
            used = 0
          }
        }
      }
      lines.append(line)
    }
    return lines
  }

  /// The longest start of `text` that fits `width` columns; at least one character, so a
  /// character wider than the width still makes progress.
  private static func prefix(of text: Substring, fitting width: Int) -> Substring {
    var used = 0
    var count = 0
    for character in text {
      let columns = of(character)
      guard used + columns <= width || count == 0 else { break }
      used += columns
      count += 1
    }
    return text.prefix(count)
  }
}
