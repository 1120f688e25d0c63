/// What the operator gave for one lead beyond the base fields: text per schema field, and
/// extra fields the schema does not hold.
///
/// The console form fills `values` with what each schema field holds (its default included,
/// as the form starts with it); `send --field` pairs go through `Schema.input(fromFieldArguments:)`.
public struct SchemaInput: Sendable, Equatable {
  /// The raw text per schema code. A code left out takes its field's default; a code present
  /// with empty text was cleared and is not sent (a boolean is then off).
  public var values: [String: String]
  /// Fields whose codes the schema does not hold, in the order they were given.
  public var unknownFields: [ExtraField]

  /// Creates the input.
  public init(values: [String: String] = [:], unknownFields: [ExtraField] = []) {
    self.values = values
    self.unknownFields = unknownFields
  }
}

extension Schema {
  /// Sorts `--field CODE=VALUE` pairs: the first value of each schema code goes to `values`;
  /// codes the schema lacks, and a schema code given again, stay in `unknownFields` in order,
  /// where validation reports the repeat.
  public func input(fromFieldArguments fields: [ExtraField]) -> SchemaInput {
    var input = SchemaInput()
    for field in fields {
      if contains(code: field.code) && input.values[field.code] == nil {
        input.values[field.code] = field.value
      } else {
        input.unknownFields.append(field)
      }
    }
    return input
  }

  /// The lead to send: base fields checked and trimmed as `Lead.validated()` does, and
  /// `extraFields` built from the input (the base lead's own extra fields are replaced);
  /// throws every problem at once, in form order.
  ///
  /// - Parameter allowUnknownCodes: whether codes the schema does not hold may be sent; they
  ///   are still checked for their form. With no schema file, pass true: codes are then checked
  ///   only for their form.
  public func lead(
    _ base: Lead, input: SchemaInput, allowUnknownCodes: Bool
  ) throws(LeadValidationError) -> Lead {
    var lead = base
    lead.extraFields = []
    var problems: [FieldProblem] = []
    do {
      lead = try lead.validated()
    } catch {
      problems += error.problems
    }

    do {
      lead.extraFields = try extraFields(for: input, allowUnknownCodes: allowUnknownCodes)
    } catch {
      problems += error.problems
    }
    guard problems.isEmpty else {
      throw LeadValidationError(problems: problems)
    }
    return lead
  }

  /// The extra fields to send, in order: schema fields in schema order (booleans always,
  /// defaults unless cleared, empty ones left out), then the unknown fields as given; throws
  /// every problem at once.
  public func extraFields(
    for input: SchemaInput, allowUnknownCodes: Bool
  ) throws(LeadValidationError) -> [ExtraField] {
    var extras: [ExtraField] = []
    var problems: [FieldProblem] = []
    for field in fields {
      let text = input.values[field.code] ?? field.defaultValue ?? ""
      do {
        if let value = try field.normalise(text) {
          let extra = ExtraField(code: field.code, value: value)
          if let problem = Self.encodingProblem(extra) {
            problems.append(problem)
          } else {
            extras.append(extra)
          }
        }
      } catch {
        problems.append(error.fieldProblem)
      }
    }

    // A value keyed by a code the schema lacks is treated as an unknown field, in code order
    // so that the outcome does not depend on dictionary order.
    let strays = input.values.keys.filter { !contains(code: $0) }.sorted()
    let unknown =
      input.unknownFields + strays.map { ExtraField(code: $0, value: input.values[$0] ?? "") }
    var seen: Set<String> = []
    for field in unknown {
      if let message = unknownFieldProblem(field, seen: seen, allowUnknownCodes: allowUnknownCodes)
      {
        problems.append(FieldProblem(field: field.code, message: message))
      } else {
        extras.append(field)
      }
      seen.insert(field.code)
    }

    guard problems.isEmpty else {
      throw LeadValidationError(problems: problems)
    }
    return extras
  }

  /// The one problem of a field outside the schema: a schema code given again, a code PHP
  /// would rewrite or that is reserved, a repeat, or (unless allowed) a code the schema lacks.
  private func unknownFieldProblem(
    _ field: ExtraField, seen: Set<String>, allowUnknownCodes: Bool
  ) -> String? {
    let code = field.code
    if contains(code: code) || seen.contains(code) {
      return "the code \(code) is given more than once; the CRM would keep only the last value"
    }
    if let problem = LeadRules.extraFieldProblems([field]).first {
      return problem.message
    }
    if !allowUnknownCodes {
      let guesses = closestCodes(to: code).map { SchemaJSONText.quoted($0) }
      let hint = guesses.isEmpty ? "" : " (did you mean \(guesses.joined(separator: " or "))?)"
      return "\(SchemaJSONText.quoted(code)) is not a code of the schema\(hint)"
    }
    return Self.encodingProblem(field)?.message
  }

  /// The base validation's check for text that lost its bytes (U+FFFD), on one extra field.
  private static func encodingProblem(_ field: ExtraField) -> FieldProblem? {
    LeadRules.replacementCharacterProblems(Lead(extraFields: [field])).first
  }
}
