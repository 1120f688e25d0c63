extension SchemaField {
  /// The value to send for what the operator typed, or nil when the field is empty and is not
  /// sent; throws when the text fails the field's type or a required field is empty.
  ///
  /// Text that is only whitespace counts as empty for every type. Per type:
  /// - string, text: sent exactly as typed;
  /// - phone, email: trimmed and checked as the base phone and e-mail are;
  /// - number: digits, an optional sign, spaces (also U+00A0, U+202F) between groups of three
  ///   digits, one decimal separator `.` or `,`; sent with `.` and no grouping (`1 500,50` →
  ///   `1500.50`);
  /// - date: `dd.MM.yyyy` or `yyyy-MM-dd`, a real calendar date; sent in `format`, default
  ///   `yyyy-MM-dd`;
  /// - boolean: never empty: `1` for true/yes/да/1, `0` for false/no/нет/0 and for empty text;
  /// - select: an option's value or label, in any case; sent as the option's value.
  public func normalise(_ input: String) throws(FieldValueError) -> String? {
    let value: String?
    do {
      value = try typedValue(input)
    } catch {
      throw FieldValueError(code: code, label: label, reason: error)
    }
    if value == nil && required {
      throw FieldValueError(code: code, label: label, reason: .required)
    }
    return value
  }

  /// The format a date is sent in when the schema gives none.
  public static let defaultDateFormat = "yyyy-MM-dd"

  /// The type rule alone, without the required check.
  private func typedValue(_ input: String) throws(FieldValueError.Reason) -> String? {
    let trimmed = input.trimmingSurroundingWhitespace()
    if case .boolean = type {
      return try SchemaValueRules.boolean(trimmed)
    }
    guard !trimmed.isEmpty else {
      return nil
    }
    switch type {
    case .string, .text:
      return input
    case .phone:
      if let message = LeadRules.phoneProblem(trimmed) {
        throw .invalidPhone(message)
      }
      return trimmed
    case .email:
      if let message = LeadRules.emailProblem(trimmed) {
        throw .invalidEmail(message)
      }
      return trimmed
    case .number:
      return try SchemaValueRules.number(trimmed)
    case .date:
      let date = try SchemaValueRules.date(trimmed)
      return SchemaDateFormat.render(date, format: format ?? Self.defaultDateFormat)
    case .boolean:
      return try SchemaValueRules.boolean(trimmed)
    case .select(let options):
      return try SchemaValueRules.option(trimmed, in: options).value
    }
  }
}
