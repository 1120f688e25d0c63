/// One entry of the `fields` list as the checker read it.
struct SchemaCheckedField {
  /// The field, when every member was usable; problems in it are reported separately.
  var field: SchemaField?
  /// The code, when `code` is text.
  var code: String?
  /// Where the code's value starts, else where the field starts.
  var codeOffset: Int
}

extension SchemaFileChecker {
  /// Members a field may hold.
  static let fieldMembers = [
    "code", "group", "type", "label", "hint", "required", "default", "format", "options",
    "comment",
  ]

  /// Checks one entry of `fields`: its members' presence and types, then the shared rules.
  mutating func checkField(_ value: SchemaJSONValue, index: Int) -> SchemaCheckedField {
    guard let members = value.members else {
      report(
        offset: value.offset, fieldIndex: index,
        message: "a field must be an object {\"code\": ..., \"type\": ...},"
          + " not \(value.kindDescription)")
      return SchemaCheckedField(field: nil, code: nil, codeOffset: value.offset)
    }
    let codeMember = members.first { $0.name == "code" }
    let code = codeMember?.value.stringValue
    let problemsBefore = problemCount
    let reader = SchemaMemberReader(
      fieldOffset: value.offset, fieldIndex: index, code: code,
      members: uniqueMembers(
        members, allowed: Self.fieldMembers, where: "in a field", fieldIndex: index, code: code))

    let codeText = reader.text("code", required: true, in: &self)
    let groupName = reader.text("group", required: true, in: &self)
    let typeName = reader.text("type", required: true, in: &self)
    let label = reader.text("label", required: true, in: &self)
    let hint = reader.text("hint", required: false, in: &self) ?? ""
    let required = reader.flag("required", in: &self) ?? false
    let format = reader.text("format", required: false, in: &self)
    if let comment = reader.members["comment"] {
      checkComment(comment, fieldIndex: index, code: code)
    }

    let group = groupName.flatMap { name in
      checkedName(name, of: FieldGroup(rawValue: name), member: "group", reader: reader)
    }
    let knownTypeName = typeName.flatMap { name in
      checkedName(
        name, of: FieldType.names.contains(name) ? name : nil, member: "type", reader: reader)
    }
    let type = knownTypeName.flatMap { fieldType(named: $0, reader: reader) }
    let defaultValue = type.flatMap { reader.defaultText(for: $0, in: &self) }

    if let codeText {
      for message in SchemaRules.codeProblems(codeText) {
        report(offset: reader.offset(of: "code"), fieldIndex: index, code: code, message: message)
      }
    }
    var field: SchemaField?
    if let type {
      let candidate = SchemaField(
        code: codeText ?? "", group: group ?? .contact, type: type, label: label ?? "-",
        hint: hint, required: required, defaultValue: defaultValue, format: format)
      for finding in SchemaRules.fieldProblems(candidate) {
        report(
          offset: reader.offset(of: finding.member, option: finding.optionIndex),
          fieldIndex: index, code: code, message: finding.message)
      }
      field = candidate
    }
    let clean = problemCount == problemsBefore
    return SchemaCheckedField(
      field: clean ? field : nil, code: code, codeOffset: reader.offset(of: "code"))
  }

  /// Reports a `group` or `type` that names nothing known; passes known ones through.
  private mutating func checkedName<Known>(
    _ name: String, of known: Known?, member: String, reader: SchemaMemberReader
  ) -> Known? {
    if let known {
      return known
    }
    let expected =
      member == "group"
      ? "contact or deal" : "one of \(FieldType.names.joined(separator: ", "))"
    report(
      offset: reader.offset(of: member), fieldIndex: reader.fieldIndex, code: reader.code,
      message: "unknown \(member) \(SchemaJSONText.quoted(name)) (expected \(expected))")
    return nil
  }

  /// The field type for a known name, reading `options` for a select; `options` on any other
  /// type is reported, as it is most likely a select written with the wrong type.
  private mutating func fieldType(
    named name: String, reader: SchemaMemberReader
  ) -> FieldType? {
    let optionsMember = reader.members["options"]
    if name != "select", let optionsMember {
      report(
        offset: optionsMember.nameOffset, fieldIndex: reader.fieldIndex, code: reader.code,
        message: "\"options\" are for select fields only; this one is \(name)")
    }
    switch name {
    case "string": return .string
    case "text": return .text
    case "number": return .number
    case "date": return .date
    case "phone": return .phone
    case "email": return .email
    case "boolean": return .boolean
    default:
      guard let optionsMember else {
        report(
          offset: reader.offset(of: "type"), fieldIndex: reader.fieldIndex, code: reader.code,
          message: "a select needs \"options\": a list of texts or {\"value\", \"label\"} pairs")
        return nil
      }
      return reader.options(optionsMember, in: &self).map { .select(options: $0) }
    }
  }
}
