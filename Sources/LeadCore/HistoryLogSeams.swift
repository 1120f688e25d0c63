#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The points where the history log meets the system, replaceable to test failures.
struct HistoryLogSeams: Sendable {
  /// Writes bytes to a descriptor, as `write(2)`: the count written, or -1 with `errno` set.
  var write: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int
  /// Runs during compaction once the new file is complete and flushed, before it replaces the
  /// log; throwing stops compaction there, as a crash at that moment would.
  var beforeRename: @Sendable () throws(HistoryError) -> Void

  /// The real system calls.
  static let system = HistoryLogSeams(
    write: { fd, bytes, count in
      #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
      #else
        Darwin.write(fd, bytes, count)
      #endif
    },
    beforeRename: { () throws(HistoryError) in })
}
