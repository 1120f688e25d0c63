import Foundation

/// A fresh directory for one test, removed when the test lets go of it.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("lead-core-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// A path inside the directory.
  func file(_ relativePath: String) -> URL {
    url.appendingPathComponent(relativePath, isDirectory: false)
  }

  /// Writes `text` to a file inside the directory and returns its URL.
  @discardableResult
  func write(_ text: String, to relativePath: String, mode: Int = 0o600) throws -> URL {
    let target = file(relativePath)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: target)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target.path)
    return target
  }
}
