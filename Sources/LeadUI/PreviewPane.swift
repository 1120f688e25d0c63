import LeadCore

/// What the preview pane shows: the request F2 would send now, or why it would send nothing.
public struct RequestPreview: Sendable, Equatable {
  /// The text: method, URL and body with the key masked, or the reasons nothing is sent.
  public var text: String
  /// True when `text` is a request; false when it explains why there is none.
  public var isRequest: Bool
}

/// Draws the request preview in the history's place: a title, then the request wrapped to the
/// pane's width, scrolled so the focused field's pair shows.
enum PreviewPane {
  /// Draws the preview into `region`.
  static func draw(_ state: ConsoleState, in region: ScreenRegion, into screen: inout ScreenBuffer)
  {
    guard region.height > 0, region.width > 1 else { return }
    let preview = state.requestPreview
    let text = preview.text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { TerminalText.neutralised(String($0)) }.joined(separator: "\n")
    let width = region.width - 1
    let lines = wrapped(text, toWidth: width)
    let height = region.height - 1
    let target = pairStart(of: state.focusedField.code, in: text)
    let targetLine = target.flatMap { target in lines.lastIndex { $0.start <= target } } ?? 0
    let first = ScrollWindow.offset(
      showing: targetLine...targetLine, from: 0, height: height, count: lines.count)

    var title = state.text(.previewTitle)
    if lines.count > height && height > 0 {
      title += state.text(
        .previewPosition, String(first + 1), String(min(lines.count, first + height)),
        String(lines.count))
    }
    screen.draw(
      DisplayWidth.truncated(title, toWidth: width), row: region.top, column: region.left + 1,
      role: .label)
    let role: StyleRole = preview.isRequest ? .normal : .warning
    for offset in 0..<max(0, height) where first + offset < lines.count {
      screen.draw(
        lines[first + offset].text, row: region.top + 1 + offset, column: region.left + 1,
        width: width, role: role)
    }
  }

  /// The text cut into rows of at most `width` columns: each of its lines on rows of its own,
  /// long lines broken wherever the width ends (an encoded body has no spaces to break at).
  /// Each row knows the character offset in `text` where it starts. The text must already be
  /// safe to draw.
  static func wrapped(_ text: String, toWidth width: Int) -> [(text: String, start: Int)] {
    guard width > 0 else { return [] }
    var rows: [(text: String, start: Int)] = []
    var offset = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var row = ""
      var used = 0
      var start = offset
      for character in line {
        let columns = DisplayWidth.of(character)
        if used + columns > width && !row.isEmpty {
          rows.append((row, start))
          start = offset
          row = ""
          used = 0
        }
        row.append(character)
        used += columns
        offset += 1
      }
      rows.append((row, start))
      offset += 1
    }
    return rows
  }

  /// The character offset where `code=` starts a pair in a request (after `?` or `&`, or at
  /// the start of a line), or nil when the request has no such pair (the field is empty).
  static func pairStart(of code: String, in text: String) -> Int? {
    let characters = Array(text)
    let pattern = Array(code + "=")
    guard characters.count >= pattern.count else { return nil }
    for start in 0...(characters.count - pattern.count) {
      let before = start == 0 ? "\n" : characters[start - 1]
      guard before == "&" || before == "?" || before == "\n" else { continue }
      if Array(characters[start..<(start + pattern.count)]) == pattern { return start }
    }
    return nil
  }
}
