/// Reads the members of one field of a schema file, reporting each missing or wrong-typed one
/// to the checker at its place.
struct SchemaMemberReader {
  /// Where the field's object starts: the place of problems about the field as a whole.
  let fieldOffset: Int
  /// The field's position in `fields`, from 0.
  let fieldIndex: Int
  /// The field's code when it is text, to name the field in problems.
  let code: String?
  /// The field's members by name (the first of any name given twice).
  let members: [String: SchemaJSONMember]

  /// What a required member is for, added to the message when it is missing.
  private static let missingHints = [
    "code": "copy it from the CRM's \"Site integration\" page",
    "group": "contact or deal",
    "type": "one of \(FieldType.names.joined(separator: ", "))",
    "label": "the name the operator sees in the form",
  ]

  /// Where a member's value starts, or an option inside `options`; the field's start when the
  /// member is absent or not named.
  func offset(of member: String?, option: Int? = nil) -> Int {
    guard let member, let value = members[member]?.value else {
      return fieldOffset
    }
    if let option, case .array(let elements) = value.kind, elements.indices.contains(option) {
      return elements[option].offset
    }
    return value.offset
  }

  /// A text member; nil when it is absent (reported if required) or not text (reported).
  func text(
    _ name: String, required: Bool, in checker: inout SchemaFileChecker
  ) -> String? {
    guard let member = members[name] else {
      if required {
        let hint = Self.missingHints[name].map { " (\($0))" } ?? ""
        report("the field has no \"\(name)\"\(hint)", at: fieldOffset, in: &checker)
      }
      return nil
    }
    guard let text = member.value.stringValue else {
      reportWrongType(member, expected: "text in double quotes", in: &checker)
      return nil
    }
    return text
  }

  /// A true/false member; nil when it is absent or not a boolean (reported).
  func flag(_ name: String, in checker: inout SchemaFileChecker) -> Bool? {
    guard let member = members[name] else {
      return nil
    }
    guard case .bool(let value) = member.value.kind else {
      reportWrongType(member, expected: "true or false (without quotes)", in: &checker)
      return nil
    }
    return value
  }

  /// The `default` as text: text for every type, also `true`/`false` for a boolean and a
  /// number for a number, kept as written.
  func defaultText(for type: FieldType, in checker: inout SchemaFileChecker) -> String? {
    guard let member = members["default"] else {
      return nil
    }
    switch (member.value.kind, type) {
    case (.string(let text), _):
      return text
    case (.bool(let value), .boolean):
      return value ? "true" : "false"
    case (.number(let literal), .number):
      return literal
    default:
      let expected =
        switch type {
        case .boolean: "true, false or text"
        case .number: "a number or text"
        default: "text in double quotes"
        }
      reportWrongType(member, expected: expected, in: &checker)
      return nil
    }
  }

  /// The options of a select: texts or `{"value", "label"}` objects; nil when any is broken.
  func options(
    _ member: SchemaJSONMember, in checker: inout SchemaFileChecker
  ) -> [SelectOption]? {
    guard case .array(let elements) = member.value.kind else {
      reportWrongType(member, expected: "a list [...]", in: &checker)
      return nil
    }
    var options: [SelectOption] = []
    for (index, element) in elements.enumerated() {
      if let text = element.stringValue {
        options.append(SelectOption(text))
        continue
      }
      let number = index + 1
      guard let members = element.members else {
        let message =
          "option \(number) must be text or {\"value\": ..., \"label\": ...},"
          + " not \(element.kindDescription)"
        report(message, at: element.offset, in: &checker)
        continue
      }
      let byName = checker.uniqueMembers(
        members, allowed: ["value", "label"], where: "in an option", fieldIndex: fieldIndex,
        code: code)
      let value = byName["value"]?.value.stringValue
      let label = byName["label"]?.value.stringValue
      if let value, let label {
        options.append(SelectOption(value: value, label: label))
      } else {
        let message =
          "option \(number) needs \"value\" and \"label\", both text"
          + " (a plain text option is its own value and label)"
        report(message, at: element.offset, in: &checker)
      }
    }
    return options.count == elements.count ? options : nil
  }

  private func reportWrongType(
    _ member: SchemaJSONMember, expected: String, in checker: inout SchemaFileChecker
  ) {
    let message =
      "\(SchemaJSONText.quoted(member.name)) must be \(expected),"
      + " not \(member.value.kindDescription)"
    report(message, at: member.value.offset, in: &checker)
  }

  private func report(_ message: String, at offset: Int, in checker: inout SchemaFileChecker) {
    checker.report(offset: offset, fieldIndex: fieldIndex, code: code, message: message)
  }
}
