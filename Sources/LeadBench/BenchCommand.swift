import Foundation
import LeadCore

/// `lead-bench`: generates the benchmark's inputs and runs its measures.
enum BenchCommand {
  static let usage = """
    lead-bench: the lead console's benchmark suite (run by `make bench`).

    Usage:
      lead-bench run [--quick] [--runs N] [--inputs DIR] [--console FILE] [--out FILE]
                     [--big-leads N] [--retry-leads N] [--retry-seconds S] [--keystrokes N]
                     [--only screen,filter,send,retry,keystroke]
          Writes the inputs into DIR (default .build/bench) unless they are there already,
          starts the sandbox, runs every measure N times (default 5; --quick: 2, and the slow
          references once) and prints the table as Markdown (also to --out FILE); --only
          runs just the groups of measures named.
      lead-bench generate --leads N --out FILE [--seed S] [--compacted SHARE]
                          [--all-not-delivered]
          Writes a history log of N leads with the product's own record encoding: the oldest
          SHARE of them (default 0.8) compacted, as the console leaves a log it has compacted;
          with --all-not-delivered, every lead waits after one failed attempt (retry's input).
          A log with the same settings and size already at FILE is kept.
      lead-bench generate-schema --fields N --out FILE
          Writes a schema of N fields of every type and checks it with the product's loader.
      lead-bench keystroke --log FILE [--keystrokes N] [--filter TEXT]
          Times single keystrokes in the history pane over FILE with TEXT typed as the filter.
      lead-bench filter --log FILE --filter TEXT
          Prints the id of every lead the history pane's filter shows for TEXT, newest first.

    Exit status: 0 done (run: whatever the verdicts), 1 a measure or a file failed, 2 usage.
    """

  static func main(_ arguments: [String]) -> Int32 {
    let rest = Array(arguments.dropFirst())
    do {
      switch arguments.first {
      case "run": return try run(rest)
      case "generate": return try generate(rest)
      case "generate-schema": return try generateSchema(rest)
      case "keystroke": return try keystroke(rest)
      case "filter": return try filter(rest)
      case "--help", "-h", "help", nil:
        print(usage)
        return arguments.isEmpty ? 2 : 0
      default:
        throw BenchError.usage("unknown command '\(arguments[0])'")
      }
    } catch let error as BenchError {
      report("\(error.description)")
      if case .usage = error { return 2 }
      return 1
    } catch {
      report("\(error)")
      return 1
    }
  }

  /// A line on standard error, so the table on standard output stays clean.
  static func report(_ line: String) {
    FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
  }

  private static func generate(_ arguments: [String]) throws(BenchError) -> Int32 {
    let options = try BenchArguments(
      arguments, valued: ["--leads", "--out", "--seed", "--compacted"],
      flags: ["--all-not-delivered"])
    let generator = LogGenerator(
      leads: try options.count("--leads", in: 1...50_000_000, default: 0),
      seed: UInt64(try options.count("--seed", in: 0...Int.max, default: 1)),
      compactedShare: try options.number("--compacted", in: 0...1, default: 0.8),
      allNotDelivered: options.flag("--all-not-delivered"))
    guard generator.leads > 0 else { throw .usage("option --leads is required") }
    _ = try GeneratedLog.ensure(generator, at: try options.url("--out"), progress: report)
    return 0
  }

  private static func generateSchema(_ arguments: [String]) throws(BenchError) -> Int32 {
    let options = try BenchArguments(arguments, valued: ["--fields", "--out"])
    let fields = try options.count("--fields", in: 1...Schema.maximumFieldCount, default: 300)
    let schema = try SchemaGenerator(fields: fields).write(to: try options.url("--out"))
    report("wrote \(schema.fields.count) fields; the schema loader accepts them")
    return 0
  }

  private static func keystroke(_ arguments: [String]) throws(BenchError) -> Int32 {
    let options = try BenchArguments(arguments, valued: ["--log", "--keystrokes", "--filter"])
    var bench = KeystrokeBench(log: try options.url("--log"))
    bench.keystrokes = try options.count("--keystrokes", in: 3...100_000, default: 300)
    bench.filter = options.text("--filter") ?? bench.filter
    let result = bench.run()
    let unit = BenchUnit.milliseconds
    print("leads \(result.leads), filter '\(bench.filter)' matches \(result.matches)")
    print("keystroke: \(unit.format(result.all.scaled(1000))) over \(result.all.values.count)")
    print("  CPU time: \(unit.format(result.cpu.scaled(1000)))")
    for (key, samples) in result.byKey.sorted(by: { $0.key < $1.key }) {
      print("  \(key): \(unit.format(samples.scaled(1000)))")
    }
    return 0
  }

  private static func filter(_ arguments: [String]) throws(BenchError) -> Int32 {
    let options = try BenchArguments(arguments, valued: ["--log", "--filter"])
    let ids = FilterReference.ids(
      log: try options.url("--log"), query: try options.required("--filter"))
    var text = ids.joined(separator: "\n")
    if !text.isEmpty { text += "\n" }
    FileHandle.standardOutput.write(Data(text.utf8))
    return 0
  }

  private static func run(_ arguments: [String]) throws(BenchError) -> Int32 {
    let options = try BenchArguments(
      arguments,
      valued: [
        "--runs", "--inputs", "--console", "--out", "--big-leads", "--retry-leads",
        "--retry-seconds", "--keystrokes", "--only",
      ], flags: ["--quick"])
    let groups = options.text("--only").map { $0.split(separator: ",").map(String.init) }
    if let unknown = groups?.first(where: { !BenchSuite.allGroups.contains($0) }) {
      throw .usage("--only takes \(BenchSuite.allGroups.joined(separator: ",")), not '\(unknown)'")
    }
    let quick = options.flag("--quick")
    let runs = try options.count("--runs", in: 1...100, default: quick ? 2 : 5)
    let ownPath =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    let console =
      options.text("--console")
      ?? URL(fileURLWithPath: ownPath).deletingLastPathComponent()
      .appendingPathComponent("lead-console").path
    guard FileManager.default.isExecutableFile(atPath: console) else {
      throw .missingTool("lead-console at \(console)")
    }
    let inputs = try BenchInputs.ensure(
      in: URL(fileURLWithPath: options.text("--inputs") ?? ".build/bench"),
      bigLeads: try options.count("--big-leads", in: 1_000...50_000_000, default: 1_000_000),
      retryLeads: try options.count("--retry-leads", in: 10...1_000_000, default: 10_000),
      progress: report)
    let work = FileManager.default.temporaryDirectory
      .appendingPathComponent("lead-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: work) }
    do {
      try FileManager.default.createDirectory(
        at: work.appendingPathComponent("home"), withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: work.path, reason: error.localizedDescription)
    }
    var suite = BenchSuite(
      console: console, bench: ownPath, inputs: inputs, runs: runs,
      slowRuns: quick ? 1 : min(runs, 3),
      retrySeconds: try options.number("--retry-seconds", in: 5...3600, default: quick ? 30 : 120),
      keystrokes: try options.count("--keystrokes", in: 3...100_000, default: quick ? 90 : 300),
      tools: BenchTools.find(), work: work)
    suite.groups = groups ?? BenchSuite.allGroups
    let rows = suite.run(progress: report)

    let table = ResultTable.markdown(rows)
    print(table)
    if let out = options.text("--out") {
      do {
        try (table + "\n").write(toFile: out, atomically: true, encoding: .utf8)
      } catch {
        throw .cannotWrite(path: out, reason: error.localizedDescription)
      }
    }
    return rows.contains { $0.verdict == "not run" } ? 1 : 0
  }
}
