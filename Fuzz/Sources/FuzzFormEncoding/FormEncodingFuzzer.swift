import LeadCore

/// libFuzzer's entry point: the input, split at 0xFF bytes (never part of UTF-8), gives names
/// and values in turn. Encoding them as PHP's `http_build_query` does and decoding the result
/// with PHP's rules must give back every pair, compared scalar by scalar: Swift's `==` on
/// strings would take a precomposed and a combining accent for the same text. The raw input is
/// also decoded as a form, which must never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormEncoding(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  for pair in FormDecoder.decode(input) where pair.name.isEmpty {
    fatalError("the decoder kept a pair without a name")
  }

  let pieces = input.split(separator: 0xFF, omittingEmptySubsequences: false)
    .map { String(decoding: $0, as: UTF8.self) }
  var pairs: [FormPair] = []
  for index in stride(from: 0, to: pieces.count, by: 2) {
    let value = index + 1 < pieces.count ? pieces[index + 1] : ""
    // PHP drops a pair whose name is empty, and the client never sends one.
    if !pieces[index].isEmpty { pairs.append(FormPair(name: pieces[index], value: value)) }
  }

  let encoded = Array(FormEncoder.encode(pairs).utf8)
  if let byte = encoded.first(where: { !isEncodedByte($0) }) {
    fatalError("the encoder wrote byte \(byte)")
  }
  let decoded = FormDecoder.decode(encoded)
  guard decoded.count == pairs.count else {
    fatalError("\(pairs.count) pairs encoded, \(decoded.count) decoded")
  }
  for (sent, received) in zip(pairs, decoded) {
    if !sent.name.unicodeScalars.elementsEqual(received.name.unicodeScalars)
      || !sent.value.unicodeScalars.elementsEqual(received.value.unicodeScalars)
    {
      fatalError("a pair changed on its way through the form")
    }
  }
  return 0
}

/// The bytes PHP's encoder writes: letters, digits, `-_.`, `+` for a space, `%` escapes with
/// upper-case hex, and the `=` and `&` between names and values.
private func isEncodedByte(_ byte: UInt8) -> Bool {
  switch byte {
  case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
    UInt8(ascii: "0")...UInt8(ascii: "9"):
    true
  case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"),
    UInt8(ascii: "%"), UInt8(ascii: "="), UInt8(ascii: "&"):
    true
  default:
    false
  }
}
