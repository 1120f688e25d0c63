/// One problem a schema rule found in a field, naming the member it concerns so the loader can
/// point at that member's place in the file.
struct SchemaFinding: Equatable, Sendable {
  /// The member the problem is about (`code`, `default`, ...); nil for the field as a whole.
  var member: String?
  /// The option the problem is about, counting from 0, for problems inside `options`.
  var optionIndex: Int?
  /// What is wrong.
  var message: String
}

/// The checks of a schema that do not depend on how it was written: codes, options, date
/// formats and defaults. Both `SchemaLoader` and `Schema.init(fields:)` run them.
enum SchemaRules {
  /// Codes a schema field may not take: the API key's name and the base fields' codes.
  static let reservedCodes = ["key"] + BaseField.allCases.map(\.code)

  /// Problems of one code on its own: empty, spaces around it, characters PHP would rewrite,
  /// or a reserved code.
  static func codeProblems(_ code: String) -> [String] {
    let trimmed = code.trimmingSurroundingWhitespace()
    guard !trimmed.isEmpty else {
      return ["the code is empty; copy it from the CRM's \"Site integration\" page"]
    }
    var problems: [String] = []
    if trimmed != code {
      problems.append("the code has spaces around it; remove them")
    }
    if code == "key" {
      problems.append("\"key\" is the name the API key is sent under; it cannot be a field code")
    } else if BaseField(rawValue: code) != nil {
      problems.append("\"\(code)\" is a base field's code; the form always has that field")
    } else if !reservedCodes.contains(trimmed) {
      // The same character rule as `send --field`, so both accept exactly the same codes.
      let extra = ExtraField(code: trimmed, value: "")
      problems += LeadRules.extraFieldProblems([extra]).map(\.message)
    }
    return problems
  }

  /// Problems between codes, each reported at the later field: the same code twice, or codes
  /// that differ only by case or surrounding spaces (from each other or from a reserved code).
  ///
  /// - Parameter codes: each field's code, nil where the field has no usable code.
  /// - Returns: the problems as (position in `codes`, message), in field order.
  static func collisionProblems(_ codes: [String?]) -> [(index: Int, message: String)] {
    var exact: [String: Int] = [:]
    var loose: [String: (index: Int, code: String)] = [:]
    for reserved in reservedCodes {
      loose[reserved] = (-1, reserved)
    }
    var problems: [(index: Int, message: String)] = []
    for (index, code) in codes.enumerated() {
      guard let code, !code.trimmingSurroundingWhitespace().isEmpty else { continue }
      let key = code.trimmingSurroundingWhitespace().lowercased()
      if let earlier = exact[code] {
        problems.append((index, "duplicate code: field \(earlier + 1) has the same code"))
      } else if let earlier = loose[key], earlier.code != code {
        let difference = differenceWord(code, earlier.code)
        let other: String
        if earlier.index >= 0 {
          other = "field \(earlier.index + 1) \(SchemaJSONText.quoted(earlier.code))"
        } else if earlier.code == "key" {
          other = "\"key\", the name the API key is sent under,"
        } else {
          other = "the base field code \(SchemaJSONText.quoted(earlier.code))"
        }
        problems.append(
          (
            index,
            "the code differs from \(other) only by \(difference); the CRM tells them apart,"
              + " so one of them is likely a typo"
          ))
      }
      exact[code] = exact[code] ?? index
      loose[key] = loose[key] ?? (index, code)
    }
    return problems
  }

  /// "case", "surrounding spaces", or both, for two codes equal once trimmed and lower-cased.
  private static func differenceWord(_ first: String, _ second: String) -> String {
    let spaced =
      first.trimmingSurroundingWhitespace() != first
      || second.trimmingSurroundingWhitespace() != second
    let cased = first.trimmingSurroundingWhitespace() != second.trimmingSurroundingWhitespace()
    switch (cased, spaced) {
    case (true, true): return "case and surrounding spaces"
    case (true, false): return "case"
    default: return "surrounding spaces"
    }
  }

  /// Problems of a select's options: none at all, an empty value, a value or label given twice.
  static func optionProblems(_ options: [SelectOption]) -> [SchemaFinding] {
    guard !options.isEmpty else {
      return [
        SchemaFinding(
          member: "options", message: "a select needs at least one option; the list is empty")
      ]
    }
    var findings: [SchemaFinding] = []
    var values: [String: Int] = [:]
    var labels: [String: Int] = [:]
    for (index, option) in options.enumerated() {
      let value = option.value.trimmingSurroundingWhitespace().lowercased()
      let label = option.label.trimmingSurroundingWhitespace().lowercased()
      var message: String?
      if value.isEmpty {
        message = "option \(index + 1) has an empty value"
      } else if label.isEmpty {
        message = "option \(index + 1) has an empty label"
      } else if let earlier = values[value] {
        message =
          "option \(index + 1) has the value \(SchemaJSONText.quoted(option.value))"
          + " of option \(earlier + 1) (values are compared ignoring case)"
      } else if let earlier = labels[label] {
        message =
          "option \(index + 1) has the label \(SchemaJSONText.quoted(option.label))"
          + " of option \(earlier + 1) (labels are compared ignoring case)"
      }
      if let message {
        findings.append(SchemaFinding(member: "options", optionIndex: index, message: message))
      }
      values[value] = values[value] ?? index
      labels[label] = labels[label] ?? index
    }
    return findings
  }

  /// Problems of a field that has a known type: options and format where they do not belong or
  /// are wrong, a blank label, and a default that fails the field's own type rule.
  static func fieldProblems(_ field: SchemaField) -> [SchemaFinding] {
    var findings: [SchemaFinding] = []
    if field.label.trimmingSurroundingWhitespace().isEmpty {
      findings.append(SchemaFinding(member: "label", message: "the label is empty"))
    }
    // The default is checked only against a usable type: with broken options or format its
    // message would only repeat theirs.
    var typeFindings: [SchemaFinding] = []
    if case .select(let options) = field.type {
      typeFindings += optionProblems(options)
    }
    if let format = field.format {
      if field.type != .date {
        typeFindings.append(
          SchemaFinding(
            member: "format",
            message: "\"format\" is for date fields only; this one is \(field.type.name)"))
      } else if let problem = SchemaDateFormat.problem(format) {
        typeFindings.append(SchemaFinding(member: "format", message: problem))
      }
    }
    findings += typeFindings
    if let value = field.defaultValue, typeFindings.isEmpty {
      findings += defaultProblems(value, of: field)
    }
    return findings
  }

  /// A default must pass the field's type rule and not be empty.
  private static func defaultProblems(_ value: String, of field: SchemaField) -> [SchemaFinding] {
    var optional = field
    optional.required = false
    do {
      if try optional.normalise(value) == nil {
        return [
          SchemaFinding(
            member: "default", message: "the default is empty; leave \"default\" out for none")
        ]
      }
      return []
    } catch {
      return [
        SchemaFinding(
          member: "default",
          message: "the default \(SchemaJSONText.quoted(value)) fails the field's type"
            + " (\(field.type.name)): \(error.message)")
      ]
    }
  }
}
