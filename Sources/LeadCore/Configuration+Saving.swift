import Foundation

extension Configuration {
  /// Writes the key and the endpoint into the config file, keeping every other setting in it.
  ///
  /// The file is written whole to a temporary file (mode 0600) beside it and renamed over it,
  /// so a crash leaves the old file or the new one, never half of either; its folder is 0700.
  /// An endpoint that fails the same checks as `--endpoint` is refused before anything is
  /// written.
  public static func saveSettings(
    key: APIKey, endpoint: String, to file: URL
  ) throws(ConfigurationError) {
    let path = file.path
    try refuseKey(key, in: endpoint, setting: "the endpoint")
    let endpoint = try checkedEndpoint(endpoint, setting: "the endpoint")
    var object = try existingSettings(of: file)
    object["key"] = key.value
    object["endpoint"] = endpoint

    let data: Data
    do {
      data = try JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    } catch {
      throw .unreadableConfigFile(path: path, reason: "the settings could not be encoded")
    }
    do {
      try HistoryLog.createPrivateFolder(file.deletingLastPathComponent())
    } catch {
      throw .unreadableConfigFile(path: path, reason: error.description)
    }
    try writeAtomically(data + Data("\n".utf8), to: file)
  }

  /// The file's JSON object as it is, unknown members included; empty when there is no file.
  private static func existingSettings(of file: URL) throws(ConfigurationError) -> [String: Any] {
    guard let data = try? Data(contentsOf: file),
      data.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })
    else {
      return [:]
    }
    _ = try ConfigFile.parse(data, path: file.path)
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
  }

  private static func writeAtomically(_ data: Data, to file: URL) throws(ConfigurationError) {
    let temporary = file.deletingLastPathComponent()
      .appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw .unreadableConfigFile(path: file.path, reason: String(cString: strerror(errno)))
    }
    let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    let synced = fsync(descriptor) == 0
    close(descriptor)
    guard written == data.count, synced, rename(temporary.path, file.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw .unreadableConfigFile(path: file.path, reason: "could not be written: \(reason)")
    }
  }
}
