import Foundation
import LeadCore

/// Delivery to the sandbox: one lead by `send` against `curl -d` with the same body, and
/// 10,000 waiting leads by `retry` against the sandbox's own capacity under a load tool.
extension BenchSuite {
  static let sampleLead = Lead(
    firstName: "Алёна", lastName: "Фёдорова", phone: "+7 912 345-67-89",
    email: "alena.fyodorova@example.ru", comment: "Перезвонить после 18:00, спросить про счёт")

  /// The request body `send` puts on the wire for the sample lead.
  static var sampleBody: String {
    FormEncoder.encode(sampleLead.formPairs(key: APIKey(key)))
  }

  func sendRows(_ progress: (String) -> Void) throws(BenchError) -> [ResultRow] {
    let curl = try BenchTools.require(tools.curl, "curl")
    let folder = try folder("send")
    let log = folder.appendingPathComponent("history.jsonl")
    let answer = folder.appendingPathComponent("curl-answer.json")
    let arguments = [
      "send", "--endpoint", endpoint, "--log", log.path, "--allow-duplicate",
      "--first-name", Self.sampleLead.firstName, "--last-name", Self.sampleLead.lastName,
      "--phone", Self.sampleLead.phone, "--email", Self.sampleLead.email,
      "--comment", Self.sampleLead.comment,
    ]
    progress("send one lead, against curl (\(runs * 2) runs each)")
    var ours = Samples()
    var reference = Samples()
    var cpu = (ours: Samples(), curl: Samples())
    for _ in 0..<(runs * 2) {
      let sent = try ChildProcess.run(
        console, arguments, environment: environment,
        stdout: folder.appendingPathComponent("send.out").path, timeout: 60)
      guard sent.status == 0 else {
        throw .failed(program: "lead-console send", status: sent.status, output: "not accepted")
      }
      ours.add(sent.seconds)
      cpu.ours.add(sent.cpuSeconds)
      let posted = try ChildProcess.run(
        curl, ["-sS", "-o", answer.path, "-d", Self.sampleBody, endpoint], environment: [:],
        timeout: 60)
      let body = (try? String(contentsOf: answer, encoding: .utf8)) ?? ""
      guard posted.status == 0, body.contains("success") else {
        throw .failed(program: "curl", status: posted.status, output: body)
      }
      reference.add(posted.seconds)
      cpu.curl.add(posted.cpuSeconds)
    }
    return [
      ResultRow(
        measure: "`lead-console send` of one lead to the sandbox", ours: ours.scaled(1000),
        unit: .milliseconds, referenceName: "`curl -d` with the same body",
        reference: reference.scaled(1000), target: .atMostTimes(1.3),
        note: "Whole process each, alternating; send writes and fsyncs its history log; "
          + Self.cpuText(ours: cpu.ours, reference: cpu.curl))
    ]
  }

  func retryRows(_ progress: (String) -> Void) throws(BenchError) -> [ResultRow] {
    let (rateArguments, rateNote) = try retryRate()
    var throughput = Samples()
    var notes: [String] = []
    progress(
      "retry \(inputs.retry.leads) waiting leads (\(slowRuns) runs, \(Int(retrySeconds)) s each at most)"
    )
    for run in 0..<slowRuns {
      let folder = try folder("retry-\(run)")
      let log = folder.appendingPathComponent("history.jsonl")
      do {
        try FileManager.default.copyItem(at: inputs.retryLog, to: log)
      } catch {
        throw .cannotWrite(path: log.path, reason: error.localizedDescription)
      }
      let process = try ChildProcess.start(
        console,
        ["retry", "--log", log.path, "--endpoint", endpoint, "--max-attempts", "5"]
          + rateArguments, environment: environment,
        stdout: folder.appendingPathComponent("retry.out").path,
        stderr: folder.appendingPathComponent("retry.err").path)
      var seconds = retrySeconds
      var finished = false
      do {
        let end = try process.wait(timeout: retrySeconds)
        seconds = end.seconds
        finished = true
      } catch .timedOut {
        // Stopped mid-pass on purpose: the leads accepted so far give the rate.
      }
      let tally = RetryTally(log: log)
      throughput.add(Double(tally.accepted) / seconds)
      notes.append(tally.text(finished: finished, seconds: seconds))
    }

    let (capacity, tool) = try sandboxCapacity(progress)
    // The same tool with a connection per request, for comparison: what kept connections
    // are worth to the sandbox.
    let (closing, closingTool) = try sandboxCapacity(progress, newConnections: true)
    let sandboxNote =
      throughput.median < capacity.median * 0.5
      ? "the sandbox is not the bottleneck: it answers \(Int(capacity.median))/s under \(tool)"
      : "the sandbox may be the bottleneck: it answers \(Int(capacity.median))/s under \(tool)"
    return [
      ResultRow(
        measure: "deliver \(inputs.retry.leads.formatted()) waiting leads with `retry`",
        ours: throughput, unit: .perSecond, referenceName: "sandbox capacity, \(tool)",
        reference: capacity, target: .shareAtLeast(0.8),
        note: "\(rateNote); \(notes.joined(separator: "; ")); \(sandboxNote)."),
      ResultRow(
        measure: "same, against a new connection per request", ours: throughput,
        unit: .perSecond, referenceName: "sandbox capacity, \(closingTool)", reference: closing,
        target: .informational,
        note: "wrk told to close each connection after its answer, a connection per request."),
    ]
  }

  /// How `retry` is told not to space its requests: the console's own way when its help
  /// names one, else the highest rate it accepts.
  private func retryRate() throws(BenchError) -> ([String], String) {
    let help = work.appendingPathComponent("retry-help.txt")
    _ = try ChildProcess.run(
      console, ["retry", "--help"], environment: environment, stdout: help.path, timeout: 30)
    let text = (try? String(contentsOf: help, encoding: .utf8)) ?? ""
    for word in ["unlimited", "none", "0"] where text.contains("--rate \(word)") {
      return (["--rate", word], "rate limit lifted with `--rate \(word)`")
    }
    return (["--rate", "100"], "rate at the CLI's highest, `--rate 100` (no way to lift it)")
  }
}

/// What a `retry` run left in its log.
struct RetryTally {
  var accepted = 0
  var waiting = 0
  var uncertain = 0
  var other = 0

  init(log: URL) {
    let index = HistoryIndex.build(url: log).index
    for position in 0..<index.count {
      switch index.state(at: position) {
      case .accepted: accepted += 1
      case .notDelivered: waiting += 1
      case .uncertain: uncertain += 1
      default: other += 1
      }
    }
  }

  /// One run in words: how far it got and whether every lead is accounted for.
  func text(finished: Bool, seconds: Double) -> String {
    let how = finished ? "done in \(Int(seconds.rounded())) s" : "stopped at \(Int(seconds)) s"
    var text = "\(how): \(accepted) accepted, \(waiting) still waiting"
    if uncertain > 0 { text += ", \(uncertain) uncertain (interrupted)" }
    if other > 0 { text += ", \(other) in another state" }
    return text
  }
}
