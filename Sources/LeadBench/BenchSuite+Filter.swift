import Foundation

/// Filtering the whole large log, as a process from start to end: the console's CLI against
/// the `jq` program that picks the same leads; both answers must hold the same ids.
extension BenchSuite {
  /// The queries: a partial phone typed with the trunk 8, and a name typed with ё that must
  /// also find the same name written with е.
  static let filterQueries = [("phone fragment", "8 (912) 34"), ("Cyrillic name", "Фёдоров")]

  func filterRows(_ progress: (String) -> Void) throws(BenchError) -> [ResultRow] {
    let jq = try BenchTools.require(tools.jq, "jq")
    let folder = try folder("filter")
    let program = folder.appendingPathComponent("filter.jq")
    do {
      try FilterReference.jqProgram.write(to: program, atomically: true, encoding: .utf8)
    } catch {
      throw .cannotWrite(path: program.path, reason: error.localizedDescription)
    }
    let (ours, how) = try ourFilterCommand()

    var rows: [ResultRow] = []
    for (name, query) in Self.filterQueries {
      progress("filter by \(name) '\(query)' (\(runs) runs, jq \(slowRuns))")
      let ourOutput = folder.appendingPathComponent("ours.txt")
      let jqOutput = folder.appendingPathComponent("jq.txt")
      var ourTimes = Samples()
      var jqTimes = Samples()
      var cpu = (ours: Samples(), jq: Samples())
      for run in 0..<runs {
        let finished = try ChildProcess.run(
          ours.program, ours.arguments + [query], environment: environment,
          stdout: ourOutput.path, timeout: 600)
        guard finished.status == 0 else {
          throw .failed(program: "\(how) (filter)", status: finished.status, output: "")
        }
        ourTimes.add(finished.seconds)
        cpu.ours.add(finished.cpuSeconds)
        guard run < slowRuns else { continue }
        let reference = try ChildProcess.run(
          jq, ["-r", "--arg", "q", query, "-f", program.path, inputs.bigLog.path],
          environment: ["LANG": "C.UTF-8"], stdout: jqOutput.path, timeout: 1800)
        guard reference.status == 0 else {
          throw .failed(program: "jq", status: reference.status, output: "")
        }
        jqTimes.add(reference.seconds)
        cpu.jq.add(reference.cpuSeconds)
      }
      let comparison = FilterReference.Comparison(
        ours: FilterReference.lines(of: ourOutput), reference: FilterReference.lines(of: jqOutput))
      rows.append(
        ResultRow(
          measure: "filter \(inputs.big.leads.formatted()) leads by \(name) `\(query)`",
          ours: ourTimes.scaled(1000), unit: .milliseconds,
          referenceName: "`jq -r` program, same rules",
          reference: jqTimes.scaled(1000), target: .fasterBy(10),
          note: "Whole process, \(how); \(comparison.text); "
            + Self.cpuText(ours: cpu.ours, reference: cpu.jq)))
    }
    return rows
  }

  /// The median CPU time of both sides, which the machine's load does not inflate.
  static func cpuText(ours: Samples, reference: Samples) -> String {
    let unit = BenchUnit.milliseconds
    return "CPU time (user + system) medians: this project "
      + "\(unit.format(ours.scaled(1000).median)), reference "
      + "\(unit.format(reference.scaled(1000).median))."
  }

  /// The command that prints the ids of the leads matching a query (the query is appended):
  /// `lead-console history --filter … --ids` when the console's CLI has it, else this tool's
  /// own `filter`, which runs the same core index and search in process.
  private func ourFilterCommand() throws(BenchError)
    -> ((program: String, arguments: [String]), String)
  {
    let help = work.appendingPathComponent("history-help.txt")
    _ = try ChildProcess.run(
      console, ["history", "--help"], environment: environment, stdout: help.path, timeout: 30)
    let text = (try? String(contentsOf: help, encoding: .utf8)) ?? ""
    if text.contains("--ids"), text.contains("--filter") {
      return (
        (console, ["history", "--log", inputs.bigLog.path, "--ids", "--filter"]),
        "`lead-console history --filter TEXT --ids`"
      )
    }
    return (
      (bench, ["filter", "--log", inputs.bigLog.path, "--filter"]),
      "`lead-bench filter` (the core's index and search in one process: `lead-console history` "
        + "has no `--filter … --ids` yet)"
    )
  }
}
