/// A JSON value read from a schema file, with the byte offset where it starts.
///
/// The schema loader needs positions for every problem it reports (a field, a member's value)
/// and needs to see repeated member names, which Foundation's `JSONSerialization` hides, so the
/// file is read by `SchemaJSONParser` into this tree instead.
struct SchemaJSONValue: Sendable, Equatable {
  /// What the value is.
  indirect enum Kind: Sendable, Equatable {
    case object([SchemaJSONMember])
    case array([SchemaJSONValue])
    case string(String)
    /// A number, kept as written so no digit is lost or reformatted.
    case number(String)
    case bool(Bool)
    case null
  }

  var kind: Kind
  /// Byte offset of the value's first character in the file.
  var offset: Int

  /// The value's kind in words for messages: "a string", "an object", ...
  var kindDescription: String {
    switch kind {
    case .object: "an object"
    case .array: "a list"
    case .string: "a string"
    case .number: "a number"
    case .bool(let value): value ? "true" : "false"
    case .null: "null"
    }
  }

  /// The text of a string value, else nil.
  var stringValue: String? {
    if case .string(let text) = kind { text } else { nil }
  }

  /// The members of an object value, else nil.
  var members: [SchemaJSONMember]? {
    if case .object(let members) = kind { members } else { nil }
  }
}

/// One `"name": value` member of a JSON object, in file order.
struct SchemaJSONMember: Sendable, Equatable {
  var name: String
  /// Byte offset of the name's opening quote.
  var nameOffset: Int
  var value: SchemaJSONValue
}

/// Line and column of byte offsets in a file, both counted from 1.
///
/// Columns count characters (Unicode scalars), not bytes, so a position in a line of Cyrillic
/// text matches what an editor shows.
struct SchemaSourceMap: Sendable {
  private let bytes: [UInt8]
  /// Offsets where each line starts; the first line starts at 0.
  private let lineStarts: [Int]

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    lineStarts = starts
  }

  /// The line and column of the character starting at `offset` (clamped to the file).
  func position(of offset: Int) -> (line: Int, column: Int) {
    let offset = max(0, min(offset, bytes.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset {
        low = middle
      } else {
        high = middle - 1
      }
    }
    let start = lineStarts[low]
    // Every byte that is not a UTF-8 continuation byte starts a character.
    let characters = bytes[start..<offset].count { $0 & 0xC0 != 0x80 }
    return (low + 1, characters + 1)
  }
}
