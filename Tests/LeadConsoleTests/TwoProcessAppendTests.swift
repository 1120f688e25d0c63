import Foundation
import LeadCore
import Testing

/// Two processes appending to one history log at once: this test binary runs itself twice,
/// each child appending 1,000 leads, and every record must come out whole.
@Suite("two processes on one log")
struct TwoProcessAppendTests {
  static let logVariable = "LEAD_CONSOLE_TEST_APPEND_LOG"
  static let tagVariable = "LEAD_CONSOLE_TEST_APPEND_TAG"
  static let leadsPerProcess = 1_000

  /// The child's part: runs only inside a child started by the test below.
  @Test(.enabled(if: ProcessInfo.processInfo.environment[logVariable] != nil))
  func appendsAsAChildProcess() throws {
    let environment = ProcessInfo.processInfo.environment
    let log = HistoryLog(url: URL(fileURLWithPath: try #require(environment[Self.logVariable])))
    let tag = try #require(environment[Self.tagVariable])
    for index in 0..<Self.leadsPerProcess {
      try log.append(
        .queued(
          id: LeadID(rawValue: "\(tag)-\(index)"), time: Date(),
          lead: Lead(firstName: "Процесс \(tag)", phone: "+7 912 \(index)"),
          endpoint: "http://127.0.0.1:9/api/site/", method: .post, operatorName: tag))
    }
  }

  @Test func twoProcessesAppendingAThousandLeadsEachLeaveEveryRecordWhole() throws {
    let folder = try ScratchFolder()
    let log = folder.file("history.jsonl")
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    let children = try ["a", "b"].map { tag in
      var environment = ProcessInfo.processInfo.environment
      environment[Self.logVariable] = log.path
      environment[Self.tagVariable] = tag
      return try ChildProcess(
        [
          testBinary, "--testing-library", "swift-testing",
          "--filter", "TwoProcessAppendTests/appendsAsAChildProcess",
        ],
        environment: environment, standardOutput: folder.file("child-\(tag).out"))
    }
    for child in children {
      #expect(child.wait(within: 120) == 0)
    }

    let snapshot = HistoryLog(url: log).load()
    #expect(snapshot.damagedLines.isEmpty)
    #expect(snapshot.entries.count == 2 * Self.leadsPerProcess)
    for tag in ["a", "b"] {
      #expect(snapshot.entries.filter { $0.operatorName == tag }.count == Self.leadsPerProcess)
    }
    let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2 * Self.leadsPerProcess)
  }
}
