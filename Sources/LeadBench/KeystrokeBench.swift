import Foundation
import LeadCore
import LeadUI

/// One keystroke in the history pane, handled and rendered, with a long history and a filter
/// typed: the work the console does between a key press and its next frame.
///
/// The state is built as the console's runner builds it (the newest page of the log, then the
/// index of the whole file), the pane opened with F4 and the filter typed; then a letter,
/// Backspace and Down are pressed in turn, each one timed through `handle` and `render`.
struct KeystrokeBench {
  var log: URL
  var keystrokes = 300
  var filter = "ков"
  var letter: Character = "а"
  var rows = 40
  var columns = 120

  /// The timings, in seconds, of every measured keystroke, and by kind of key.
  struct Result {
    var all = Samples()
    var byKey: [String: Samples] = [:]
    /// The CPU time of the measuring thread per keystroke: on a loaded machine the wall time
    /// also holds the time other programs had the CPU.
    var cpu = Samples()
    /// How many leads the index holds and how many the filter matched.
    var leads = 0
    var matches = 0
  }

  func run() -> Result {
    let context = ConsoleContext(
      endpoint: "http://127.0.0.1:9/api/site/", maskedKey: APIKey("bench-key-0123456789").masked,
      canSend: true)
    var state = ConsoleState(context: context)
    _ = state.handle(.resized(rows: rows, columns: columns))
    _ = state.handle(.historyLoaded(HistoryLog(url: log).loadTail()))
    let report = HistoryIndex.build(url: log)
    let open = report.index.openEntries(limit: ConsoleState.openLeadLimit)
    _ = state.handle(.historyIndexed(report, open: open))
    _ = ConsoleRenderer.render(state, rows: rows, columns: columns)

    _ = state.handle(.key(.function(4)))
    for character in filter {
      _ = state.handle(.key(.character(character)))
      _ = ConsoleRenderer.render(state, rows: rows, columns: columns)
    }

    var result = Result()
    result.leads = state.historyIndex.count
    result.matches = state.historyMatchPositions.count
    let cycle: [(name: String, key: Key)] = [
      ("letter", .character(letter)), ("Backspace", .backspace), ("Down", .down),
    ]
    // One untimed round first: the first pass through each path pays for loading code.
    for step in cycle { press(step.key, on: &state) }
    for number in 0..<keystrokes {
      let step = cycle[number % cycle.count]
      let cpuStarted = Self.threadCPUSeconds()
      let started = ContinuousClock.now
      press(step.key, on: &state)
      let seconds = (ContinuousClock.now - started).seconds
      result.cpu.add(Self.threadCPUSeconds() - cpuStarted)
      result.all.add(seconds)
      result.byKey[step.name, default: Samples()].add(seconds)
    }
    return result
  }

  /// The CPU time this thread has used, in seconds.
  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Handles the key and renders the screen that follows, as the runner does per event.
  private func press(_ key: Key, on state: inout ConsoleState) {
    _ = state.handle(.key(key))
    let screen = ConsoleRenderer.render(state, rows: rows, columns: columns)
    // Reading the result keeps the optimiser from dropping the render.
    if screen.rows < 0 { print(screen.rows) }
  }
}
