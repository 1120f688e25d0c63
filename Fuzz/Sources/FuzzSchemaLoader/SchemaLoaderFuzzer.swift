import Foundation
import LeadCore

/// libFuzzer's entry point: the input is a schema file's bytes. Loading must end in a schema
/// within the limits, which the same rules accept again when built in code, or in problems
/// that each point inside the file; never in a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchemaLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  let path = "fuzz.json"
  do {
    let schema = try SchemaLoader.load(data: Data(bytes), path: path)
    checkLoaded(schema)
  } catch {
    checkRefused(error, path: path, lineCount: bytes.count { $0 == UInt8(ascii: "\n") } + 1)
  }
  return 0
}

/// A loaded schema keeps the limits and passes the rules a schema built in code must pass.
private func checkLoaded(_ schema: Schema) {
  if schema.fields.count > Schema.maximumFieldCount {
    fatalError("\(schema.fields.count) fields loaded")
  }
  if Set(schema.fields.map(\.code)).count != schema.fields.count {
    fatalError("a code loaded twice")
  }
  do {
    _ = try Schema(fields: schema.fields)
  } catch {
    fatalError("a loaded schema fails the rules in code: \(error.summary)")
  }
}

/// Bytes in memory are never unreadable, and every problem names the file and a real line.
private func checkRefused(_ error: SchemaLoadError, path: String, lineCount: Int) {
  guard case .invalid(let errorPath, let problems) = error else {
    fatalError("bytes in memory reported unreadable")
  }
  if errorPath != path || problems.isEmpty { fatalError("an invalid file without problems") }
  for problem in problems {
    if problem.path != path { fatalError("a problem names \(problem.path)") }
    if let line = problem.line, !(1...lineCount).contains(line) {
      fatalError("a problem on line \(line) of \(lineCount)")
    }
    if let column = problem.column, column < 1 { fatalError("a problem in column \(column)") }
  }
  _ = error.description
}
