import LeadCore

/// How the form shows a schema field's value and what it says about the field's type.
public enum FieldText {
  /// What a select field shows for its text: the label of the option the text stands for, or
  /// the text itself when it stands for none (the check on F2 then names the problem).
  public static func shown(_ text: String, in field: SchemaField) -> String {
    guard case .select(let options) = field.type, !text.isEmpty else { return text }
    let value = (try? field.normalise(text)) ?? nil
    return options.first { $0.value == value }?.label ?? text
  }

  /// A line under the focused field when the schema gives it no hint: how to fill it in, for
  /// the types that take more than plain text; in `language`.
  public static func typeHelp(
    for field: SchemaField, language: InterfaceLanguage = .english
  ) -> String? {
    switch field.type {
    case .number:
      language.text(.typeHelpNumber)
    case .date:
      language.text(.typeHelpDate, dateFormat(of: field))
    case .boolean:
      language.text(.typeHelpBoolean)
    case .select(let options):
      language.text(.typeHelpSelect, String(options.count))
    case .string, .text, .phone, .email:
      nil
    }
  }

  /// The line under a focused field: the schema's hint, else the type's help in `language`.
  public static func hint(for field: SchemaField, language: InterfaceLanguage = .english) -> String?
  {
    field.hint.isEmpty ? typeHelp(for: field, language: language) : field.hint
  }

  /// The format a date field is sent in.
  public static func dateFormat(of field: SchemaField) -> String {
    field.format ?? SchemaField.defaultDateFormat
  }

  /// The text to put back into a field for a value the form once sent, so that the same value
  /// is sent again: a date sent in another format is written back as `dd.MM.yyyy`.
  public static func typedText(forSent value: String, in field: SchemaField) -> String {
    guard case .date = field.type, (try? field.normalise(value)) == nil else { return value }
    guard let parts = dateParts(value, format: dateFormat(of: field)) else { return value }
    return "\(parts.day).\(parts.month).\(parts.year)"
  }

  /// Day, month and year of a date written in a format of the tokens `dd`, `MM` and `yyyy`,
  /// each as written; nil when the text does not follow the format.
  static func dateParts(
    _ text: String, format: String
  ) -> (day: Substring, month: Substring, year: Substring)? {
    var rest = Substring(text)
    var pattern = Substring(format)
    var found: [String: Substring] = [:]
    while !pattern.isEmpty {
      if let token = ["yyyy", "MM", "dd"].first(where: { pattern.hasPrefix($0) }) {
        let digits = rest.prefix(token.count)
        guard digits.count == token.count, digits.allSatisfy(\.isASCII),
          digits.allSatisfy(\.isNumber)
        else { return nil }
        found[token] = digits
        rest = rest.dropFirst(token.count)
        pattern = pattern.dropFirst(token.count)
      } else {
        guard rest.first == pattern.first else { return nil }
        rest = rest.dropFirst()
        pattern = pattern.dropFirst()
      }
    }
    guard rest.isEmpty, let day = found["dd"], let month = found["MM"], let year = found["yyyy"]
    else { return nil }
    return (day, month, year)
  }
}
