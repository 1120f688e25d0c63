import Foundation

extension HistoryIndex {
  /// The index's data, one array per column, one element per lead in log order.
  struct Columns {
    /// Each lead's identifier as a number: its 12 hex digits, or (top bit set) a place in
    /// `otherIDs` for an identifier of another form.
    var keys: [UInt64] = []
    /// Identifiers that are not 12 lower-case hex digits, as written.
    var otherIDs: [String] = []
    /// The keys of `otherIDs`.
    var otherKeys: [String: UInt64] = [:]
    /// Seconds since 1970 when each lead was queued.
    var times: [Double] = []
    /// `LeadState.code` of each lead.
    var states: [UInt8] = []
    /// Where each lead's first record starts in the file; -1 for a lead only in memory.
    var firstOffsets: [Int64] = []
    /// Where each lead's latest record starts in the file.
    var lastOffsets: [Int64] = []
    /// Every lead's searchable text (`HistorySearchText`), one after another.
    var text: [UInt8] = []
    /// Where each lead's text starts in `text`, and one more for the end of the last.
    var textStarts: [UInt32] = [0]
    /// How many bytes of its text each lead's folded first name takes (255: that many or more).
    var firstNameLengths: [UInt8] = []
    /// Open-addressing table from a key's hash to its position + 1; 0 is empty.
    private var slots = [Int32](repeating: 0, count: 1024)

    static let otherFlag: UInt64 = 1 << 63

    var count: Int { keys.count }

    /// Room for about `leads` leads and `textBytes` bytes of text, so building a large index
    /// does not copy its columns as they grow (untouched room costs no memory).
    mutating func reserve(leads: Int, textBytes: Int) {
      keys.reserveCapacity(leads)
      times.reserveCapacity(leads)
      states.reserveCapacity(leads)
      firstOffsets.reserveCapacity(leads)
      lastOffsets.reserveCapacity(leads)
      textStarts.reserveCapacity(leads + 1)
      firstNameLengths.reserveCapacity(leads)
      text.reserveCapacity(textBytes)
    }

    func state(at position: Int) -> LeadState {
      LeadState(code: states[position])
    }

    /// The identifier of the lead at `position`.
    func id(at position: Int) -> LeadID {
      let key = keys[position]
      if key & Self.otherFlag != 0 {
        return LeadID(rawValue: otherIDs[Int(key & ~Self.otherFlag)])
      }
      let hex = String(key, radix: 16)
      return LeadID(rawValue: String(repeating: "0", count: 12 - hex.count) + hex)
    }

    /// The key of `id` if it has one yet.
    func key(of id: LeadID) -> UInt64? {
      var raw = id.rawValue
      if let key = raw.withUTF8({ Self.hexKey($0) }) { return key }
      return otherKeys[raw]
    }

    /// The key of `id`, made for it if it is new.
    mutating func makeKey(_ id: String) -> UInt64 {
      var raw = id
      if let key = raw.withUTF8({ Self.hexKey($0) }) { return key }
      if let key = otherKeys[raw] { return key }
      let key = Self.otherFlag | UInt64(otherIDs.count)
      otherIDs.append(raw)
      otherKeys[raw] = key
      return key
    }

    /// 12 lower-case hex digits as a number, or nil.
    static func hexKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
      guard bytes.count == 12 else { return nil }
      var value: UInt64 = 0
      for byte in bytes {
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        default: return nil
        }
        value = value << 4 | UInt64(digit)
      }
      return value
    }

    /// Adds a lead from its parts; `appendText` writes its searchable text and answers the
    /// length of its folded first name.
    mutating func append(
      key: UInt64, time: Double, state: LeadState, offset: Int64,
      appendText: (inout [UInt8]) -> Int
    ) {
      let position = keys.count
      keys.append(key)
      times.append(time)
      states.append(state.code)
      firstOffsets.append(offset)
      lastOffsets.append(offset)
      let firstNameLength = appendText(&text)
      textStarts.append(UInt32(truncatingIfNeeded: text.count))
      firstNameLengths.append(UInt8(min(255, firstNameLength)))
      insertSlot(for: position)
    }

    /// Adds a lead held in memory.
    mutating func append(id: LeadID, time: Double, state: LeadState, offset: Int64, lead: Lead) {
      append(key: makeKey(id.rawValue), time: time, state: state, offset: offset) { text in
        HistorySearchText.appendRecord(
          firstName: lead.firstName, lastName: lead.lastName, email: lead.email,
          phone: lead.phone, to: &text)
      }
    }

    /// The position of `id`, or nil.
    func position(of id: LeadID) -> Int? {
      key(of: id).flatMap { position(ofKey: $0) }
    }

    /// The position of the lead with `key`, or nil.
    func position(ofKey key: UInt64) -> Int? {
      let mask = slots.count - 1
      var slot = Self.hash(key) & mask
      while slots[slot] != 0 {
        let position = Int(slots[slot]) - 1
        if keys[position] == key { return position }
        slot = (slot + 1) & mask
      }
      return nil
    }

    private static func hash(_ key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 17)
    }

    private mutating func insertSlot(for position: Int) {
      if keys.count * 2 > slots.count {
        rehash(size: slots.count * 2)
        return
      }
      place(position)
    }

    private mutating func place(_ position: Int) {
      let mask = slots.count - 1
      var slot = Self.hash(keys[position]) & mask
      while slots[slot] != 0 {
        slot = (slot + 1) & mask
      }
      slots[slot] = Int32(position + 1)
    }

    private mutating func rehash(size: Int) {
      slots = [Int32](repeating: 0, count: size)
      for position in keys.indices {
        place(position)
      }
    }
  }
}
