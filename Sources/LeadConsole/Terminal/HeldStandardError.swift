import Glibc

/// Standard error diverted into an unlinked temporary file while curses owns the screen, so a
/// stray runtime or library message cannot scribble over the console; what was held is written
/// out once the terminal is restored.
struct HeldStandardError {
  /// A duplicate of the original standard error, to put back.
  let originalDescriptor: Int32
  /// The temporary file standard error points at meanwhile.
  let heldDescriptor: Int32

  /// The most bytes copied back out (1 MiB), so a runaway writer cannot stall leaving.
  static let copyLimit = 1 << 20
  /// Size of the copy buffer, set aside in advance because the crash path must not allocate.
  static let bufferSize = 4096

  /// Starts holding standard error; nil (and standard error untouched) when no temporary file
  /// can be made, since a console with an unheld stderr beats no console.
  static func begin() -> HeldStandardError? {
    var template = Array("/tmp/lead-console-stderr-XXXXXX".utf8CString)
    let held = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard held >= 0 else { return nil }
    template.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { _ = unlink(base) }
    }

    fflush(nil)
    let original = dup(STDERR_FILENO)
    guard original >= 0, dup2(held, STDERR_FILENO) >= 0 else {
      if original >= 0 { close(original) }
      close(held)
      return nil
    }
    return HeldStandardError(originalDescriptor: original, heldDescriptor: held)
  }

  /// Points standard error back at the terminal and writes out what was held.
  func end() {
    fflush(nil)
    _ = dup2(originalDescriptor, STDERR_FILENO)
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.bufferSize, alignment: 1)
    Self.copyHeldText(from: heldDescriptor, buffer: buffer, capacity: Self.bufferSize)
    buffer.deallocate()
    close(heldDescriptor)
    close(originalDescriptor)
  }

  /// Copies the held file to standard error with plain system calls only, so signal handlers
  /// can use it too; bounded by `copyLimit`.
  static func copyHeldText(from held: Int32, buffer: UnsafeMutableRawPointer, capacity: Int) {
    guard lseek(held, 0, SEEK_SET) == 0 else { return }
    var copied = 0
    while copied < copyLimit {
      let count = read(held, buffer, capacity)
      guard count > 0 else { return }
      var written = 0
      while written < count {
        let step = write(STDERR_FILENO, buffer + written, count - written)
        guard step > 0 else { return }
        written += step
      }
      copied += count
    }
  }
}
