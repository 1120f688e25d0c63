import Foundation

/// One keystroke handled and rendered in the history pane of a 100,000-lead log with a filter
/// typed, against one frame of a 60 Hz display.
extension BenchSuite {
  func keystrokeRow(_ progress: (String) -> Void) throws(BenchError) -> ResultRow {
    progress("keystrokes in the history pane (\(keystrokes), in process)")
    let bench = KeystrokeBench(log: inputs.keystrokeLog, keystrokes: keystrokes)
    let result = bench.run()
    let perKey = result.byKey.sorted { $0.key < $1.key }.map {
      "\($0.key) \(BenchUnit.milliseconds.format($0.value.scaled(1000).median))"
    }
    return ResultRow(
      measure: "one keystroke handled and rendered, \(result.leads.formatted()) leads, filter on",
      ours: result.all.scaled(1000), unit: .milliseconds, referenceName: "one 60 Hz frame",
      reference: Samples([1000.0 / 60]), target: .medianAtMost(1),
      note: "`lead-bench keystroke`: filter `\(bench.filter)` (\(result.matches.formatted()) "
        + "matches), then a letter, Backspace and Down in turn, \(keystrokes) keys; medians by "
        + "key: \(perKey.joined(separator: ", ")); CPU time per key (the machine's load "
        + "left out): median \(BenchUnit.milliseconds.format(result.cpu.scaled(1000).median)).")
  }
}
