import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The terminal measures, all in one tmux of 120×40 driven the same way: start to first full
/// frame with an empty log (against `dialog --form`), with the large log and schema (against
/// `wc -l` and the empty start), and the memory peak once the large log is indexed.
extension BenchSuite {
  static let baseLabels = ["First name", "Last name", "Phone", "Email", "Comment"]

  func screenRows(_ progress: (String) -> Void) throws(BenchError) -> [ResultRow] {
    let tmux = try TmuxSession(tmux: BenchTools.require(tools.tmux, "tmux"))
    defer { tmux.close() }
    let empty = try folder("empty-log")
    let emptyScript = try script(
      "console-empty.sh",
      [
        console, "--log", empty.appendingPathComponent("history.jsonl").path, "--endpoint",
        endpoint,
      ],
      environment: environment)
    let dialogScript = try script(
      "dialog-form.sh", [try BenchTools.require(tools.dialog, "dialog")] + Self.dialogForm,
      environment: ["LANG": "C.UTF-8"])
    let bigScript = try script(
      "console-big.sh",
      [
        console, "--log", inputs.bigLog.path, "--schema", inputs.schema.path, "--endpoint",
        endpoint,
      ], environment: environment)

    var emptyStart = Samples()
    var dialogStart = Samples()
    progress("first frame, empty log, against dialog (\(runs) runs each)")
    for _ in 0..<runs {
      emptyStart.add(
        try firstFrame(tmux, emptyScript, what: "the console's first frame") {
          Self.isFormComplete($0) && $0.contains("No leads yet")
        })
      dialogStart.add(
        try firstFrame(tmux, dialogScript, what: "dialog's form") { screen in
          Self.dialogLabels.allSatisfy { screen.contains($0) } && screen.contains("Cancel")
        })
    }

    let wc = try BenchTools.require(tools.wc, "wc")
    // Once untimed, so that every timed run finds the log in the page cache.
    _ = try ChildProcess.run(wc, ["-l", inputs.bigLog.path], environment: [:], timeout: 600)
    var bigStart = Samples()
    var lineCount = Samples()
    progress("first frame, \(inputs.big.leads)-lead log, against wc -l (\(runs) runs each)")
    for _ in 0..<runs {
      bigStart.add(
        try firstFrame(tmux, bigScript, what: "the first frame with the large log") {
          Self.isFormComplete($0) && $0.contains(SchemaGenerator.firstLabel)
            && $0.contains(inputs.big.newestContact)
        })
      lineCount.add(
        try ChildProcess.run(wc, ["-l", inputs.bigLog.path], environment: [:], timeout: 600)
          .seconds)
    }

    progress("memory peak with the whole log indexed (\(slowRuns) runs)")
    var peaks = Samples()
    var indexed = Samples()
    for _ in 0..<slowRuns {
      let (peak, seconds) = try indexedPeak(tmux, bigScript)
      peaks.add(peak)
      indexed.add(seconds)
    }
    try tmux.endProgram()

    let leads = inputs.big.leads.formatted()
    let logMB = Double(inputs.big.bytes) / 1_000_000
    return [
      ResultRow(
        measure: "start to first full frame, empty log", ours: emptyStart.scaled(1000),
        unit: .milliseconds, referenceName: "`dialog --form`, 5 fields",
        reference: dialogStart.scaled(1000), target: .atMostTimes(2),
        note: "In tmux 120×40, from the pane's respawn to the first poll (1 ms apart) showing "
          + "the whole frame: the five labels, the history pane and the key bar; dialog: its "
          + "five labels and buttons."),
      ResultRow(
        measure: "start to first full frame, \(leads)-lead log, 300-field schema",
        ours: bigStart.scaled(1000), unit: .milliseconds,
        referenceName: "`wc -l` on the log (\(Int(logMB.rounded())) MB, cached)",
        reference: lineCount.scaled(1000), target: .atMostTimes(3),
        note: "Full frame: the form with the first schema field, the key bar and the newest "
          + "lead's row in the history pane."),
      ResultRow(
        measure: "same, against the empty-log start", ours: bigStart.scaled(1000),
        unit: .milliseconds, referenceName: "first frame, empty log",
        reference: emptyStart.scaled(1000), target: .informational),
      ResultRow(
        measure: "whole \(leads)-lead log indexed (pane shows all)", ours: indexed.scaled(1000),
        unit: .milliseconds, referenceName: "`wc -l` on the log", reference: lineCount.scaled(1000),
        target: .informational,
        note: "From start until the history pane (F4) counts every lead of the log."),
      ResultRow(
        measure: "peak resident memory, \(leads)-lead log open and indexed", ours: peaks,
        unit: .megabytes, referenceName: "the log's size on disk",
        reference: Samples([logMB]), target: .medianAtMost(150),
        note: "VmHWM of the console's process, read once the history pane counts every lead."),
    ]
  }

  /// Ends the pane's program, starts `script` there and times it to the first screen that
  /// `isComplete` accepts; in seconds.
  private func firstFrame(
    _ tmux: TmuxSession, _ script: String, what: String, _ isComplete: (String) -> Bool
  ) throws(BenchError) -> Double {
    try tmux.endProgram()
    let started = ContinuousClock.now
    try tmux.respawn("exec \(script)")
    return try tmux.waitForScreen(since: started, timeout: 60, what: what, isComplete).seconds
  }

  /// Opens the console on the large log, waits for its first frame, opens the history pane and
  /// waits until it counts every lead; answers the process's peak resident memory in MB and
  /// the seconds from start until the count was complete.
  private func indexedPeak(_ tmux: TmuxSession, _ script: String) throws(BenchError)
    -> (Double, Double)
  {
    try tmux.endProgram()
    let started = ContinuousClock.now
    try tmux.respawn("exec \(script)")
    _ = try tmux.waitForScreen(since: started, timeout: 60, what: "the first frame") {
      Self.isFormComplete($0)
    }
    try tmux.send(keys: "F4")
    let total = "of \(inputs.big.leads)"
    let seconds = try tmux.waitForScreen(since: started, timeout: 900, what: "indexing the log") {
      $0.contains(total)
    }.seconds
    let pid = try tmux.panePID()
    guard let peak = Self.peakResidentKilobytes(of: pid) else {
      throw .cannotRead(path: "/proc/\(pid)/status", reason: "no VmHWM line")
    }
    return (Double(peak) * 1024 / 1_000_000, seconds)
  }

  /// `VmHWM` of a process, in kB.
  static func peakResidentKilobytes(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    return parts.count > 1 ? Int(parts[1]) : nil
  }

  /// The console's form and key bar are both on the screen.
  static func isFormComplete(_ screen: String) -> Bool {
    baseLabels.allSatisfy { screen.contains($0) } && screen.contains("F10")
      && screen.contains("F2")
  }

  static let dialogLabels = ["First name:", "Last name:", "Phone:", "Email:", "Comment:"]

  /// `dialog --form` with the console's five fields, each 40 columns wide.
  static var dialogForm: [String] {
    var arguments = ["--form", "New lead", "20", "70", "5"]
    for (row, label) in dialogLabels.enumerated() {
      arguments += [label, "\(row + 1)", "1", "", "\(row + 1)", "14", "40", "0"]
    }
    return arguments
  }
}
