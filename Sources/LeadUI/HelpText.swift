/// The help screen's text, generated from the key maps the key bar uses, so it lists every key
/// the console answers to and cannot drift from what the keys do.
public enum HelpText {
  /// The keys of one screen or kind of field.
  public struct Section: Sendable, Equatable {
    /// What the section covers, e.g. `In the form`.
    public var title: String
    /// The focus area the section describes; help opened there starts at this section.
    public var area: FocusArea
    /// The section's commands, in their map's order, each with its keys.
    public var entries: [Entry]
  }

  /// One command and the keys that give it in a section.
  public struct Entry: Sendable, Equatable {
    /// The keys, main key first.
    public var keys: [Key]
    /// What they do.
    public var command: Command

    /// The keys as the key bar writes them: `F2/^S`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
  }

  /// One line of the help screen.
  public struct Line: Sendable, Equatable {
    /// What a line is, for where and how it is drawn.
    public enum Kind: Sendable, Equatable {
      /// A line of the legend, or a blank line between sections.
      case note
      /// A section's title.
      case heading
      /// Keys and (the first part of) what they do, or a further part of that.
      case entry
    }

    /// What the line is.
    public var kind: Kind
    /// The keys column: set on an entry's first line only.
    public var keys: String
    /// The note, the heading, or (a part of) the description.
    public var text: String
  }

  /// Every section: the form and the field kinds that change some of its keys (each listing
  /// only what differs from the form), then the other screens in full; titles in English.
  public static var sections: [Section] { sections(in: .english) }

  /// Every section, its title in `language`.
  public static func sections(in language: InterfaceLanguage) -> [Section] {
    let form = KeyMap.formField
    let preview = KeyMap.previewing(.formField)
    let title = { (key: UIString) in language.text(key) }
    return [
      section(title(.helpSectionForm), .formField, map: form),
      section(title(.helpSectionComment), .multiLineField, map: .multiLineField, over: form),
      section(title(.helpSectionSwitch), .switchField, map: .switchField, over: form),
      section(title(.helpSectionSelect), .selectField, map: .selectField, over: form),
      section(title(.helpSectionPickList), .pickList, map: .pickList, over: form),
      section(title(.helpSectionPreview), .formField, map: preview, over: form),
      section(title(.helpSectionFieldBrowser), .fieldBrowser, map: .fieldBrowser),
      section(title(.helpSectionHistory), .history, map: .history),
      section(title(.helpSectionDetail), .historyDetail, map: .historyDetail),
      section(title(.helpSectionSettings), .settings, map: .settings),
      section(title(.helpSectionHelp), .help, map: .help),
    ]
  }

  /// How to read the key names, shown before the sections, in English.
  public static var legend: [String] { legend(in: .english) }

  /// How to read the key names, in `language`.
  public static func legend(in language: InterfaceLanguage) -> [String] {
    [language.text(.helpLegendKeys), language.text(.helpLegendTyping)]
  }

  /// The whole help as lines at most `width` columns wide: the legend, then each section's
  /// heading and entries, a description wrapped under itself beside its keys; in `language`.
  public static func lines(width: Int, language: InterfaceLanguage = .english) -> [Line] {
    guard width > 0 else { return [] }
    let all = sections(in: language)
    let textWidth = max(1, width - keysWidth(forWidth: width) - 2)

    var lines = legend(in: language).flatMap { note in
      DisplayWidth.wrapped(note, toWidth: width).map { Line(kind: .note, keys: "", text: $0) }
    }
    for section in all {
      lines.append(Line(kind: .note, keys: "", text: ""))
      lines.append(Line(kind: .heading, keys: "", text: section.title))
      for entry in section.entries {
        let wrapped = DisplayWidth.wrapped(entry.command.help(in: language), toWidth: textWidth)
        for (index, part) in wrapped.enumerated() {
          lines.append(Line(kind: .entry, keys: index == 0 ? entry.keyLabel : "", text: part))
        }
      }
    }
    return lines
  }

  /// The keys column's width for `width` columns of help, as `lines(width:)` lays it out.
  public static func keysWidth(forWidth width: Int) -> Int {
    let widest = sections.flatMap(\.entries).map { DisplayWidth.of($0.keyLabel) }.max() ?? 0
    return min(widest, max(1, width / 3))
  }

  /// The line of `lines(width:language:)` where the section for `area` starts (its blank line
  /// before the heading), or 0 when no section covers it.
  public static func firstLine(
    of area: FocusArea, width: Int, language: InterfaceLanguage = .english
  ) -> Int {
    let all = lines(width: width, language: language)
    guard let title = sections(in: language).first(where: { $0.area == area })?.title,
      let heading = all.firstIndex(where: { $0.kind == .heading && $0.text == title })
    else { return 0 }
    return max(0, heading - 1)
  }

  /// A section of `map`'s commands; with `base`, only the bindings `map` changes from it.
  private static func section(
    _ title: String, _ area: FocusArea, map: KeyMap, over base: KeyMap? = nil
  ) -> Section {
    let bindings = map.bindings.filter { binding in
      guard let base else { return true }
      return base.command(for: binding.key) != binding.command
    }
    var entries: [Entry] = []
    for binding in bindings {
      if let index = entries.firstIndex(where: { $0.command == binding.command }) {
        entries[index].keys.append(binding.key)
      } else {
        entries.append(Entry(keys: [binding.key], command: binding.command))
      }
    }
    return Section(title: title, area: area, entries: entries)
  }
}
