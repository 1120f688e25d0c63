import LeadCore

/// libFuzzer's entry point: one CRM exchange built from the input, classified, and the
/// outcome checked against the rules every outcome must keep.
///
/// Input layout: two bytes of status (taken modulo 600), one byte of flags, then the body. Flag
/// bit 0 marks the body as cut at the cap, bit 1 takes a `Location` header and bit 2 a
/// `Retry-After` header from the body's first line, bit 3 turns the exchange into a transport
/// failure whose reason is the body, and bit 4 says whether that request had gone out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswerClassifier(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let start, count >= 3 else { return 0 }
  let input = Array(UnsafeBufferPointer(start: start, count: count))
  let status = (Int(input[0]) << 8 | Int(input[1])) % 600
  let flags = input[2]
  var body = Array(input.dropFirst(3))

  var headers: [String: String] = [:]
  if flags & 0b110 != 0 {
    let line = body.prefix { $0 != UInt8(ascii: "\n") }
    body.removeFirst(min(body.count, line.count + 1))
    let value = String(decoding: line, as: UTF8.self)
    if flags & 0b010 != 0 { headers["location"] = value }
    if flags & 0b100 != 0 { headers["retry-after"] = value }
  }
  let result: TransportResult =
    flags & 0b1000 != 0
    ? .failed(requestSent: flags & 0b1_0000 != 0, reason: String(decoding: body, as: UTF8.self))
    : .answered(status: status, headers: headers, body: body, bodyOverflowed: flags & 1 != 0)

  check(AnswerClassifier.outcome(for: result), of: result)
  return 0
}

/// Traps when the outcome breaks a rule, so libFuzzer keeps the input.
private func check(_ outcome: Outcome, of result: TransportResult) {
  switch result {
  case .failed(let requestSent, _):
    let expected: OutcomeKind = requestSent ? .uncertain : .notDelivered
    if outcome.kind != expected { fatalError("a failure classified as \(outcome.kind)") }
  case .answered(let status, _, _, let overflowed):
    if outcome.kind == .accepted, !(200...299).contains(status) || overflowed {
      fatalError("accepted with status \(status), cut body: \(overflowed)")
    }
    if outcome.httpStatus != status { fatalError("status \(status) lost") }
  }
  if (outcome.kind == .rejected) == outcome.errors.isEmpty {
    fatalError("\(outcome.kind) with \(outcome.errors.count) error codes")
  }
  if outcome.reason.unicodeScalars.count > 1000 {
    fatalError("a reason of \(outcome.reason.unicodeScalars.count) scalars")
  }
  if let scalar = outcome.reason.unicodeScalars.first(where: isUnsafeOnTerminal) {
    fatalError("the reason holds U+\(String(scalar.value, radix: 16, uppercase: true))")
  }
}

/// A scalar a terminal would obey rather than show: controls (C0, DEL, C1), line separators,
/// and format characters such as bidi overrides, joiners excepted.
private func isUnsafeOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.properties.generalCategory {
  case .control, .lineSeparator, .paragraphSeparator: true
  case .format: scalar != "\u{200C}" && scalar != "\u{200D}"
  default: false
  }
}
