import Foundation
import Testing

/// `lead-console sandbox` running as its own process, as an admin would start it.
final class SandboxProcess {
  let process = Process()
  let url: String
  let recordFile: URL
  let key: String

  /// Starts the sandbox and waits (bounded) for its `listening on URL` line.
  init(key: String, recordFile: URL, extraArguments: [String] = []) throws {
    self.key = key
    self.recordFile = recordFile
    process.executableURL = BuiltBinary.url
    process.arguments =
      ["sandbox", "--port", "0", "--key", key, "--record", recordFile.path] + extraArguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()

    let firstLine = Self.readLine(from: output.fileHandleForReading, within: 15)
    guard let firstLine, firstLine.hasPrefix("listening on ") else {
      process.terminate()
      throw SandboxStartError(firstLine: firstLine)
    }
    url = String(firstLine.dropFirst("listening on ".count))
  }

  struct SandboxStartError: Error, CustomStringConvertible {
    var firstLine: String?
    var description: String { "sandbox did not announce itself; first line: \(firstLine ?? "none")" }
  }

  /// The requests it recorded so far, one decoded JSON object each.
  func records() throws -> [[String: Any]] {
    guard let data = try? Data(contentsOf: recordFile) else { return [] }
    return try String(decoding: data, as: UTF8.self)
      .split(separator: "\n")
      .map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return object as? [String: Any] ?? [:]
      }
  }

  /// The decoded fields of one recorded request, in the order received.
  func fields(ofRecord index: Int) throws -> [(String, String)] {
    let records = try records()
    guard index < records.count, let fields = records[index]["fields"] as? [[String: Any]] else {
      return []
    }
    return fields.compactMap { field in
      guard let name = field["name"] as? String, let value = field["value"] as? String else {
        return nil
      }
      return (name, value)
    }
  }

  func stop() {
    if process.isRunning {
      process.interrupt()
      process.waitUntilExit()
    }
  }

  deinit { stop() }

  private static func readLine(from handle: FileHandle, within seconds: TimeInterval) -> String? {
    let result = LineBox()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var bytes: [UInt8] = []
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        bytes.append(contentsOf: chunk)
        if bytes.contains(UInt8(ascii: "\n")) { break }
      }
      let line = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first
      result.set(line.map { String(decoding: $0, as: UTF8.self) })
      done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return result.get()
  }
}

/// A line handed from the reading thread to the waiting one.
private final class LineBox: @unchecked Sendable {
  private let lock = NSLock()
  private var line: String?

  func set(_ value: String?) { lock.withLock { line = value } }
  func get() -> String? { lock.withLock { line } }
}
