import Foundation
import LeadCore
import Testing

/// `lead-console sandbox` running as its own process, as an admin would start it.
final class SandboxProcess {
  let child: ChildProcess
  let url: String
  let recordFile: URL
  let key: String

  /// Starts the sandbox and waits (bounded) for its `listening on URL` line.
  init(key: String, recordFile: URL, extraArguments: [String] = []) throws {
    self.key = key
    self.recordFile = recordFile
    let output = recordFile.deletingLastPathComponent().appendingPathComponent(
      "sandbox-\(UUID().uuidString).out")
    child = try ChildProcess(
      [BuiltBinary.url.path, "sandbox", "--port", "0", "--key", key, "--record", recordFile.path]
        + extraArguments,
      environment: ProcessInfo.processInfo.environment, standardOutput: output)

    var firstLine: String?
    _ = eventually(within: 15) {
      let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
      guard let newline = text.firstIndex(of: "\n") else { return false }
      firstLine = String(text[..<newline])
      return true
    }
    guard let firstLine, firstLine.hasPrefix("listening on ") else {
      child.stop()
      throw SandboxStartError(firstLine: firstLine)
    }
    url = String(firstLine.dropFirst("listening on ".count))
  }

  struct SandboxStartError: Error, CustomStringConvertible {
    var firstLine: String?
    var description: String {
      "sandbox did not announce itself; first line: \(firstLine ?? "none")"
    }
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

  func stop() { child.stop() }
}

/// The sandbox refused to switch its fault mode.
struct FaultSwitchError: Error {
  var message: String
}

extension SandboxProcess {
  /// Switches the running sandbox's fault through its control path (`POST /sandbox/fault`).
  func setFault(_ mode: String) async throws {
    let control = url.replacingOccurrences(of: "/api/site/", with: "/sandbox/fault")
    let result = await CurlTransport().perform(
      HTTPRequest(method: .post, url: control, body: Array("mode=\(mode)".utf8)),
      timeouts: Timeouts(connect: 2, total: 5))
    guard case .answered(let status, _, _, _) = result, status == 200 else {
      throw FaultSwitchError(message: "the sandbox refused mode \(mode): \(result)")
    }
  }
}
