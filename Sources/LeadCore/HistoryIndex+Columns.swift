import Foundation

extension HistoryIndex {
  /// The index's data, one array per column, one element per lead in log order.
  struct Columns {
    var ids: [LeadID] = []
    /// Seconds since 1970 when each lead was queued.
    var times: [Double] = []
    /// `LeadState.code` of each lead.
    var states: [UInt8] = []
    /// Where each lead's first record starts in the file; -1 for a lead only in memory.
    var firstOffsets: [Int64] = []
    /// Where each lead's latest record starts in the file.
    var lastOffsets: [Int64] = []
    /// Every lead's searchable text (`HistorySearchText.record`), one after another.
    var text: [UInt8] = []
    /// Where each lead's text starts in `text`, and one more for the end of the last.
    var textStarts: [UInt32] = [0]
    /// How many bytes of its text each lead's folded first name takes (255: that many or more).
    var firstNameLengths: [UInt8] = []
    /// Open-addressing table from an identifier's hash to its position + 1; 0 is empty.
    private var slots = [Int32](repeating: 0, count: 1024)

    var count: Int { ids.count }

    /// Room for about `leads` leads and `textBytes` bytes of text, so building a large index
    /// does not copy its columns as they grow.
    mutating func reserve(leads: Int, textBytes: Int) {
      ids.reserveCapacity(leads)
      times.reserveCapacity(leads)
      states.reserveCapacity(leads)
      firstOffsets.reserveCapacity(leads)
      lastOffsets.reserveCapacity(leads)
      textStarts.reserveCapacity(leads + 1)
      firstNameLengths.reserveCapacity(leads)
      text.reserveCapacity(textBytes)
      var size = slots.count
      while size < leads * 2 { size *= 2 }
      if size > slots.count { rehash(size: size) }
    }

    func state(at position: Int) -> LeadState {
      LeadState(code: states[position])
    }

    /// Adds a lead whose first record starts at `offset` (-1: not in the file).
    mutating func append(id: LeadID, time: Double, state: LeadState, offset: Int64, lead: Lead) {
      let position = ids.count
      ids.append(id)
      times.append(time)
      states.append(state.code)
      firstOffsets.append(offset)
      lastOffsets.append(offset)
      let record = HistorySearchText.record(
        firstName: lead.firstName, lastName: lead.lastName, email: lead.email, phone: lead.phone)
      text += record.bytes
      textStarts.append(UInt32(truncatingIfNeeded: text.count))
      firstNameLengths.append(UInt8(min(255, record.firstNameLength)))
      insertSlot(for: position)
    }

    /// The position of `id`, or nil.
    func position(of id: LeadID) -> Int? {
      let mask = slots.count - 1
      var slot = id.hashValue & mask
      while slots[slot] != 0 {
        let position = Int(slots[slot]) - 1
        if ids[position] == id { return position }
        slot = (slot + 1) & mask
      }
      return nil
    }

    private mutating func insertSlot(for position: Int) {
      if (ids.count) * 2 > slots.count {
        rehash(size: slots.count * 2)
        return
      }
      place(position)
    }

    private mutating func place(_ position: Int) {
      let mask = slots.count - 1
      var slot = ids[position].hashValue & mask
      while slots[slot] != 0 {
        slot = (slot + 1) & mask
      }
      slots[slot] = Int32(position + 1)
    }

    private mutating func rehash(size: Int) {
      slots = [Int32](repeating: 0, count: size)
      for position in ids.indices {
        place(position)
      }
    }
  }
}
