import LeadCore

/// Where the field-code browser's parts go between the header and the status line: the
/// filter, the column titles, the list, a rule, and the selected field's details.
public struct FieldBrowserLayout: Sendable, Equatable {
  /// Rows of the detail area under the list.
  public static let detailRows = 4
  /// The list's height assumed before the runner has reported a screen size.
  static let fallbackListHeight = 10

  /// The row of the filter.
  public let filterRow: Int
  /// The row of the column titles.
  public let titleRow: Int
  /// The list of fields.
  public let list: ScreenRegion
  /// The row of the rule between the list and the details.
  public let ruleRow: Int
  /// The selected field's details.
  public let detail: ScreenRegion

  /// Lays the browser out on a screen of `rows` × `columns`; negative sizes count as zero.
  public init(rows: Int, columns: Int) {
    let rows = max(0, rows)
    let width = max(0, columns)
    let statusRow = rows - 2
    filterRow = 1
    titleRow = 2
    let listHeight = max(0, statusRow - 3 - 1 - Self.detailRows)
    list = ScreenRegion(top: 3, left: 0, height: listHeight, width: width)
    ruleRow = 3 + listHeight
    detail = ScreenRegion(
      top: ruleRow + 1, left: 0, height: max(0, min(Self.detailRows, statusRow - ruleRow - 1)),
      width: width)
  }
}

/// Draws the field-code browser: the filter with its count, one row per matching field (code,
/// group, type, label), and the selected field's hint, type, options and format.
enum FieldBrowserPane {
  /// The widths of the group and type columns: `contact` and `boolean` are the longest words.
  static let groupWidth = 7
  static let typeWidth = 7

  /// Draws the browser of `state`, which must be open.
  static func draw(_ state: ConsoleState, browser: FieldBrowser, into screen: inout ScreenBuffer) {
    let layout = FieldBrowserLayout(rows: screen.rows, columns: screen.columns)
    let width = screen.columns
    let outline = state.outline
    let language = state.language
    let count = language.text(
      .browserCount, String(browser.matches.count), String(outline.fields.count))
    let prompt = language.text(.browserPrompt)
    let boxLeft = 1 + DisplayWidth.of(prompt) + 1
    let boxWidth = max(0, min(40, width - boxLeft - DisplayWidth.of(count) - 3))
    screen.draw(prompt, row: layout.filterRow, column: 1, role: .label)
    FormPane.drawText(
      browser.filter,
      in: ScreenRegion(top: layout.filterRow, left: boxLeft, height: 1, width: boxWidth),
      role: .focusedInput, focused: boxWidth > 0, into: &screen)
    screen.draw(
      count, row: layout.filterRow, column: max(0, width - DisplayWidth.of(count) - 1), role: .dim)

    let codeWidth = min(
      max(4, outline.fields.map { DisplayWidth.of($0.code) }.max() ?? 0), max(4, width / 3))
    let columns = [1, 1 + codeWidth + 2, 1 + codeWidth + 2 + groupWidth + 2]
    let labelColumn = columns[2] + typeWidth + 2
    let titles = [UIString.browserCode, .browserGroup, .browserType].map { language.text($0) }
    for (title, (column, room)) in zip(titles, zip(columns, [codeWidth, groupWidth, typeWidth])) {
      screen.draw(
        DisplayWidth.truncated(title, toWidth: room), row: layout.titleRow, column: column,
        role: .dim)
    }
    screen.draw(
      DisplayWidth.truncated(language.text(.browserLabel), toWidth: max(0, width - labelColumn)),
      row: layout.titleRow, column: labelColumn, role: .dim)

    drawList(
      browser, outline: outline, in: layout.list, columns: columns + [labelColumn],
      codeWidth: codeWidth, language: language, into: &screen)
    screen.draw(
      String(repeating: "─", count: max(0, width)), row: layout.ruleRow, column: 0, role: .dim)
    if let selected = browser.selectedField {
      drawDetail(outline.fields[selected], in: layout.detail, language: language, into: &screen)
    }
  }

  /// The visible rows of the list, the selected one highlighted.
  private static func drawList(
    _ browser: FieldBrowser, outline: FormOutline, in region: ScreenRegion, columns: [Int],
    codeWidth: Int, language: InterfaceLanguage, into screen: inout ScreenBuffer
  ) {
    guard region.height > 0 else { return }
    guard !browser.matches.isEmpty else {
      screen.draw(
        DisplayWidth.truncated(
          language.text(.browserEmpty, browser.filter.value), toWidth: region.width - 2),
        row: region.top, column: 1, role: .dim)
      return
    }
    let first = ScrollWindow.offset(
      showing: browser.selection...browser.selection, from: browser.scroll,
      height: region.height, count: browser.matches.count)
    for offset in 0..<region.height where first + offset < browser.matches.count {
      let entry = first + offset
      let field = outline.fields[browser.matches[entry]]
      let row = region.top + offset
      let role: StyleRole = entry == browser.selection ? .selected : .normal
      screen.fill(row: row, column: 0, width: region.width, role: role)
      let cells = [
        (field.code, codeWidth), (groupName(field, language: language), groupWidth),
        (field.type.name, typeWidth),
        (field.label, max(0, region.width - columns[3] - 1)),
      ]
      for ((text, cellWidth), column) in zip(cells, columns) {
        screen.draw(
          DisplayWidth.truncated(text, toWidth: cellWidth), row: row, column: column, role: role)
      }
    }
  }

  /// The selected field: label and code, type, group, required, default and format, hint,
  /// and the options of a select.
  private static func drawDetail(
    _ field: SchemaField, in region: ScreenRegion, language: InterfaceLanguage,
    into screen: inout ScreenBuffer
  ) {
    var facts = [
      language.text(.factType, field.type.name),
      language.text(.factGroup, groupName(field, language: language)),
    ]
    if field.required { facts.append(language.text(.factRequired)) }
    if case .date = field.type {
      facts.append(language.text(.factSentAs, FieldText.dateFormat(of: field)))
    }
    if let value = field.defaultValue { facts.append(language.text(.factDefault, value)) }
    let options = field.type.options.map { option in
      option.label == option.value ? option.value : "\(option.value) (\(option.label))"
    }
    let lines: [(String, StyleRole)] = [
      ("\(field.label) — \(field.code)", .label),
      (facts.joined(separator: " · "), .normal),
      (
        language.text(.factHint, field.hint.isEmpty ? language.text(.factNoHint) : field.hint),
        .normal
      ),
      options.isEmpty
        ? (FieldText.typeHelp(for: field, language: language) ?? "", .dim)
        : (language.text(.factOptions, options.joined(separator: ", ")), .normal),
    ]
    for (offset, line) in lines.enumerated() where offset < region.height {
      screen.draw(
        DisplayWidth.truncated(line.0, toWidth: region.width - 2), row: region.top + offset,
        column: 1, role: line.1)
    }
  }

  /// `base` (in `language`) for the five fields every form has, else the schema's group as
  /// the schema file writes it.
  static func groupName(_ field: SchemaField, language: InterfaceLanguage = .english) -> String {
    field.baseField != nil ? language.text(.browserBaseGroup) : field.group.rawValue
  }
}
