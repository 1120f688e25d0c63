import Foundation

/// The file that keeps the lead being typed: one JSON object, replaced whole on every save.
///
/// A save writes a temporary file (mode 0600) beside the draft, fsyncs it, renames it over the
/// draft and fsyncs the folder, so a crash or a power cut at any moment leaves the previous
/// draft or the new one, complete. The draft holds personal data, so its folder is 0700.
public struct DraftStore: Sendable {
  /// The draft file.
  public let url: URL

  /// The largest draft file read back; a form of the largest schema with every field full
  /// stays below it, and a stray huge file cannot stall the start.
  public static let maximumBytes = 16 << 20

  /// A store keeping its draft in `url`.
  public init(url: URL) {
    self.url = url
  }

  /// The draft file that belongs to a history log: beside it, named after it
  /// (`history.jsonl` → `history.draft.json`), so the sandbox's demo log and the real one
  /// never share a draft.
  public static func file(besideLog log: URL) -> URL {
    let name = log.lastPathComponent
    let stem = name.hasSuffix(".jsonl") ? String(name.dropLast(".jsonl".count)) : name
    return log.deletingLastPathComponent().appendingPathComponent("\(stem).draft.json")
  }

  /// The kept draft, or nil when there is none.
  public func load() throws(DraftError) -> Draft? {
    let path = url.path
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= Self.maximumBytes else {
      throw .unreadable(path: path, reason: "larger than \(Self.maximumBytes >> 20) MiB")
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(path: path, reason: Self.systemReason(error))
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    do {
      return try decoder.decode(Draft.self, from: data)
    } catch {
      throw .unreadable(path: path, reason: "not a draft: damaged or cut short")
    }
  }

  /// Replaces the kept draft with `draft`, atomically, creating the folder (0700) if needed.
  public func save(_ draft: Draft) throws(DraftError) {
    let path = url.path
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do {
      data = try encoder.encode(draft) + Data("\n".utf8)
    } catch {
      throw .notSaved(path: path, reason: "the form could not be encoded")
    }
    let folder = url.deletingLastPathComponent()
    do throws(HistoryError) {
      try HistoryLog.createPrivateFolder(folder)
    } catch {
      throw .notSaved(path: path, reason: error.description)
    }
    try writeReplacing(with: data, folder: folder)
  }

  /// Deletes the kept draft; a draft already gone is not an error.
  public func remove() throws(DraftError) {
    guard unlink(url.path) == 0 || errno == ENOENT else {
      throw .notRemoved(path: url.path, reason: String(cString: strerror(errno)))
    }
  }

  /// Writes a temporary file, fsyncs it, renames it over the draft and fsyncs the folder.
  private func writeReplacing(with data: Data, folder: URL) throws(DraftError) {
    let path = url.path
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .notSaved(path: path, reason: String(cString: strerror(errno)))
    }
    // A temporary file left by an earlier run of this process id may carry wider rights.
    _ = fchmod(descriptor, 0o600)
    let written = Self.writeAll(data, to: descriptor)
    let synced = written && fsync(descriptor) == 0
    let failure = errno
    close(descriptor)
    guard synced, rename(temporary.path, path) == 0 else {
      let reason = String(cString: strerror(synced ? errno : failure))
      unlink(temporary.path)
      throw .notSaved(path: path, reason: reason)
    }

    // The rename itself is durable only once the folder's entry is on disk.
    let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Writes every byte, going on after short writes and interruptions.
  private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
    data.withUnsafeBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let step = write(descriptor, base + offset, buffer.count - offset)
        if step < 0 && errno == EINTR { continue }
        guard step > 0 else { return false }
        offset += step
      }
      return true
    }
  }

  /// The system's words for a failed read, without Foundation's long wrapper text.
  private static func systemReason(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(code)))
    }
    return "unreadable"
  }
}
