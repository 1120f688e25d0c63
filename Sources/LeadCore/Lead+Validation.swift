extension Lead {
  /// The lead ready to send: names, phone and e-mail trimmed; throws every failing field at once.
  ///
  /// The comment and extra values are left exactly as typed. Checks run on the trimmed values.
  public func validated() throws(LeadValidationError) -> Lead {
    var lead = self
    lead.firstName = firstName.trimmingSurroundingWhitespace()
    lead.lastName = lastName.trimmingSurroundingWhitespace()
    lead.phone = phone.trimmingSurroundingWhitespace()
    lead.email = email.trimmingSurroundingWhitespace()

    var problems: [FieldProblem] = []
    if lead.phone.isEmpty && lead.email.isEmpty {
      let message = "the CRM needs a phone or an e-mail; enter at least one"
      problems.append(FieldProblem(field: BaseField.phone.code, message: message))
      problems.append(FieldProblem(field: BaseField.email.code, message: message))
    }
    if let message = LeadRules.phoneProblem(lead.phone) {
      problems.append(FieldProblem(field: BaseField.phone.code, message: message))
    }
    if let message = LeadRules.emailProblem(lead.email) {
      problems.append(FieldProblem(field: BaseField.email.code, message: message))
    }
    problems += LeadRules.extraFieldProblems(lead.extraFields)
    problems += LeadRules.replacementCharacterProblems(lead)
    problems += LeadRules.lengthProblems(lead)

    guard problems.isEmpty else {
      throw LeadValidationError(problems: problems)
    }
    return lead
  }
}

/// The individual checks, each answering with a message or nil when the value passes.
enum LeadRules {
  /// The most characters one value may hold: as much as a form field takes, far more than any
  /// name, comment or custom field needs, and a bound on what one lead puts on the wire.
  static let maximumValueLength = 10_000
  /// The most UTF-8 bytes one value may hold, for text of many combining marks per character.
  static let maximumValueBytes = 65_536
  /// The most extra fields one lead may carry, as many as a schema may define.
  static let maximumExtraFields = Schema.maximumFieldCount
  /// The longest extra field code; the CRM's own codes are short words.
  static let maximumCodeLength = 100

  /// Values over the length caps, codes over theirs, and too many extra fields, each named.
  static func lengthProblems(_ lead: Lead) -> [FieldProblem] {
    let values =
      BaseField.allCases.map { ($0.code, lead[$0]) }
      + lead.extraFields.map { ($0.code, $0.value) }
    var problems: [FieldProblem] = values.compactMap { code, value in
      let characters = value.count
      guard characters > maximumValueLength || value.utf8.count > maximumValueBytes else {
        return nil
      }
      return FieldProblem(
        field: code,
        message: "too long: \(characters) characters (\(value.utf8.count) bytes); at most"
          + " \(maximumValueLength) characters and \(maximumValueBytes) bytes are sent")
    }
    for field in lead.extraFields where field.code.count > maximumCodeLength {
      problems.append(
        FieldProblem(
          field: String(field.code.prefix(40)) + "…",
          message: "a field code may have at most \(maximumCodeLength) characters"))
    }
    if lead.extraFields.count > maximumExtraFields {
      problems.append(
        FieldProblem(
          field: "extra fields",
          message: "\(lead.extraFields.count) extra fields; at most \(maximumExtraFields)"))
    }
    return problems
  }

  /// A phone number's digits: enough for a short local number, no more than any real one.
  static let phoneDigitRange = 5...20

  /// A phone may hold digits, `+ ( ) - .` and spaces, and needs 5 to 20 digits.
  static func phoneProblem(_ phone: String) -> String? {
    guard !phone.isEmpty else { return nil }
    let allowed: Set<Unicode.Scalar> = ["+", "(", ")", "-", ".", " "]
    if let bad = phone.unicodeScalars.first(where: { !isASCIIDigit($0) && !allowed.contains($0) }) {
      return "not a phone number: \(describe(bad)) is not allowed"
        + " (use digits, spaces and + ( ) - .)"
    }
    let digits = phone.unicodeScalars.filter(isASCIIDigit).count
    guard phoneDigitRange.contains(digits) else {
      return "not a phone number: it has \(digits) digits"
        + " (\(phoneDigitRange.lowerBound) to \(phoneDigitRange.upperBound) expected)"
    }
    return nil
  }

  /// U+FFFD stands where bytes were not UTF-8 (text from a script or terminal in another
  /// encoding, CP1251 say): sending it would lose the text without a word.
  static func replacementCharacterProblems(_ lead: Lead) -> [FieldProblem] {
    let values =
      BaseField.allCases.map { ($0.code, lead[$0]) }
      + lead.extraFields.map { ($0.code, $0.value) }
    return values.compactMap { code, value in
      guard value.unicodeScalars.contains("\u{FFFD}") else { return nil }
      return FieldProblem(
        field: code,
        message: "the text holds U+FFFD, which stands for bytes that were not UTF-8;"
          + " retype it or convert its encoding to UTF-8")
    }
  }

  /// An address needs one `@`, a local part and a dotted domain, and no spaces or controls.
  ///
  /// Letters of any script are fine on both sides (`иван@почта.рф`): the CRM stores the text.
  static func emailProblem(_ email: String) -> String? {
    guard !email.isEmpty else { return nil }
    let hint = "not an e-mail address"
    if let bad = email.unicodeScalars.first(where: isSpaceOrControl) {
      return "\(hint): it contains \(describe(bad))"
    }
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      return "\(hint): it needs exactly one @"
    }
    guard !parts[0].isEmpty else {
      return "\(hint): nothing before the @"
    }
    let local = parts[0]
    if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
      return "\(hint): a dot cannot start or end the part before the @, nor follow another"
    }
    let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, labels.allSatisfy(isDomainLabel) else {
      return "\(hint): the part after @ must be a domain like example.com"
    }
    return nil
  }

  /// A domain label: letters of any script and digits, hyphens only inside.
  private static func isDomainLabel(_ label: Substring) -> Bool {
    guard let first = label.first, let last = label.last, first != "-", last != "-" else {
      return false
    }
    return label.unicodeScalars.allSatisfy { scalar in
      scalar == "-" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
  }

  /// Codes must survive PHP's form decoding unchanged and not shadow another field.
  ///
  /// PHP rewrites `.`, spaces and `[` in names, and a repeated name replaces the earlier one,
  /// so only ASCII letters, digits, `_` and `-` are allowed, each code once.
  static func extraFieldProblems(_ fields: [ExtraField]) -> [FieldProblem] {
    let reserved = Set(["key"] + BaseField.allCases.map(\.code))
    var seen: Set<String> = []
    var problems: [FieldProblem] = []
    for (index, field) in fields.enumerated() {
      let code = field.code
      let message: String?
      if code.isEmpty {
        message = "extra field \(index + 1) has no code"
      } else if let bad = code.unicodeScalars.first(where: { !isCodeScalar($0) }) {
        message =
          "\(describe(bad)) is not allowed in a field code"
          + " (use Latin letters, digits, _ and -)"
      } else if code == "key" {
        message =
          "key is the API key's own field; give the key with --key, the"
          + " GENTLEMAN_API_KEY variable or the config file"
      } else if reserved.contains(code) {
        message =
          "\(code) is a base field's code; use the field itself (--\(code.replacingOccurrences(of: "_", with: "-")))"
      } else if seen.contains(code) {
        message = "the code \(code) is used twice; the CRM would keep only the last value"
      } else {
        message = nil
      }
      seen.insert(code)
      if let message {
        problems.append(FieldProblem(field: code, message: message))
      }
    }
    return problems
  }

  private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  private static func isCodeScalar(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isASCIIDigit(scalar)
      || scalar == "_" || scalar == "-"
  }

  private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
      || scalar.properties.generalCategory == .format
  }

  /// Names a character for a message; invisible ones by their code point.
  private static func describe(_ scalar: Unicode.Scalar) -> String {
    if scalar == " " {
      return "a space"
    }
    let category = scalar.properties.generalCategory
    if scalar.properties.isWhitespace || category == .control || category == .format {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return
        "the invisible character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
    }
    return "\"\(scalar)\""
  }
}

extension String {
  /// The text without leading and trailing whitespace of any script (incl. no-break spaces).
  func trimmingSurroundingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else {
      return ""
    }
    return String(scalars[start...last])
  }
}
