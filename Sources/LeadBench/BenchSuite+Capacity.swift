import Foundation

/// The sandbox's own capacity for the request `retry` sends, measured by a load tool from
/// Debian: `wrk` (8 keep-alive connections) when installed, else `ab` (8 concurrent).
extension BenchSuite {
  /// Requests per second the sandbox answered, per run, and the tool's description. With
  /// `newConnections`, wrk asks for the connection to be closed after each answer, so every
  /// request pays a connection set-up as each of `retry`'s does.
  func sandboxCapacity(_ progress: (String) -> Void, newConnections: Bool = false)
    throws(BenchError) -> (Samples, String)
  {
    let folder = try folder(newConnections ? "capacity-close" : "capacity")
    var samples = Samples()
    if let wrk = tools.wrk {
      let script = folder.appendingPathComponent("post.lua")
      let lua = """
        wrk.method = "POST"
        wrk.body = "\(Self.sampleBody)"
        wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
        """ + (newConnections ? "\nwrk.headers[\"Connection\"] = \"close\"\n" : "\n")
      do {
        try lua.write(to: script, atomically: true, encoding: .utf8)
      } catch {
        throw .cannotWrite(path: script.path, reason: error.localizedDescription)
      }
      progress("sandbox capacity with wrk (\(slowRuns) runs of 5 s)")
      for _ in 0..<slowRuns {
        let output = folder.appendingPathComponent("wrk.out")
        let finished = try ChildProcess.run(
          wrk, ["-t", "2", "-c", "8", "-d", "5s", "-s", script.path, endpoint], environment: [:],
          stdout: output.path, timeout: 60)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard finished.status == 0, let rate = Self.number(after: "Requests/sec:", in: text) else {
          throw .failed(program: "wrk", status: finished.status, output: text)
        }
        if text.contains("Non-2xx") {
          throw .failed(program: "wrk", status: 0, output: "the sandbox refused requests: \(text)")
        }
        samples.add(rate)
      }
      return (
        samples,
        newConnections ? "`wrk -t2 -c8`, `Connection: close`, 5 s" : "`wrk -t2 -c8`, 5 s"
      )
    }
    let ab = try BenchTools.require(tools.ab, "wrk or ab")
    let body = folder.appendingPathComponent("body.txt")
    do {
      try Self.sampleBody.write(to: body, atomically: true, encoding: .utf8)
    } catch {
      throw .cannotWrite(path: body.path, reason: error.localizedDescription)
    }
    progress("sandbox capacity with ab (\(slowRuns) runs of 5,000 requests)")
    for _ in 0..<slowRuns {
      let output = folder.appendingPathComponent("ab.out")
      let finished = try ChildProcess.run(
        ab,
        [
          "-q", "-n", "5000", "-c", "8", "-p", body.path, "-T",
          "application/x-www-form-urlencoded", endpoint,
        ], environment: [:], stdout: output.path, timeout: 120)
      let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
      guard finished.status == 0, let rate = Self.number(after: "Requests per second:", in: text)
      else {
        throw .failed(program: "ab", status: finished.status, output: text)
      }
      samples.add(rate)
    }
    return (samples, "`ab -c 8`")
  }

  /// The number that follows `label` on its line of a tool's report.
  static func number(after label: String, in text: String) -> Double? {
    guard let range = text.range(of: label) else { return nil }
    let rest = text[range.upperBound...].drop { $0 == " " || $0 == "\t" }
    return Double(rest.prefix { $0.isNumber || $0 == "." })
  }
}
