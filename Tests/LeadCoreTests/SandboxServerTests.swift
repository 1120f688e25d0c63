import Foundation
import LeadCore
import LeadSandbox
import Testing

@Suite("Sandbox server")
struct SandboxServerTests {
  let transport = CurlTransport()
  let timeouts = Timeouts(connect: 2, total: 10)

  @Test func listensOnLoopbackOnlyAndNamesTheAPIURL() async throws {
    let sandbox = try SandboxFixture()
    let elsewhere = HTTPRequest(method: .get, url: "http://127.0.0.2:\(sandbox.port)/api/site/")

    let result = await transport.perform(elsewhere, timeouts: timeouts)

    #expect(sandbox.endpoint == "http://127.0.0.1:\(sandbox.port)/api/site/")
    #expect(sandbox.port > 0)
    #expect(sandbox.server.url == sandbox.url)
    #expect(result.failedSent == false)
  }

  @Test func answersOtherPathsWith404AndRecordsThem() async throws {
    let sandbox = try SandboxFixture()
    let request = HTTPRequest(method: .get, url: "http://127.0.0.1:\(sandbox.port)/api/other?x=1")

    let result = await transport.perform(request, timeouts: timeouts)

    #expect(result.answeredStatus == 404)
    #expect(result.answeredHeaders["content-type"] == "application/json")
    let record = try #require(sandbox.server.records.first)
    #expect(record.path == "/api/other")
    #expect(record.rawQuery == "x=1")
    #expect(record.status == 404)
  }

  @Test func answersAnOversizeBodyWith413() async throws {
    let sandbox = try SandboxFixture()
    let body = Array(repeating: UInt8(ascii: "a"), count: SandboxServer.bodyLimit + 1)

    let result = await transport.perform(
      HTTPRequest(method: .post, url: sandbox.endpoint, body: body), timeouts: timeouts)

    #expect(result.answeredStatus == 413)
  }

  @Test func switchesFaultsWhileRunning() async throws {
    let sandbox = try SandboxFixture()
    let request = sandbox.post(SandboxFixture.leadPairs())

    sandbox.server.fault = .unavailable
    let first = await transport.perform(request, timeouts: timeouts)
    sandbox.server.fault = .none
    let second = await transport.perform(request, timeouts: timeouts)

    #expect(first.answeredStatus == 503)
    #expect(second.answeredText == #"{"result":"success"}"#)
    #expect(sandbox.server.records.map(\.status) == [503, 200])
  }

  @Test func appendsEachRequestAsOneJSONLineToTheRecordFile() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sandbox-records-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("records.jsonl")
    let sandbox = try SandboxFixture(recordFile: file)

    _ = await transport.perform(sandbox.post(SandboxFixture.leadPairs()), timeouts: timeouts)
    _ = await transport.perform(sandbox.get(SandboxFixture.leadPairs(key: "")), timeouts: timeouts)

    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(text.hasSuffix("\n"))
    #expect(try lines.map { try SandboxRecord(jsonLine: $0) } == sandbox.server.records)
    #expect(lines.count == 2)
    #expect(lines[1].contains(#""answer":"{\"result\":\"error\",\"errors\":[100]}""#))
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions]
    #expect(mode as? Int == 0o600)
  }

  @Test func refusesARecordFileItCannotOpen() {
    let server = SandboxServer(
      configuration: SandboxConfiguration(
        key: "k", recordFile: URL(fileURLWithPath: "/nonexistent-dir/records.jsonl")))

    #expect(throws: SandboxError.self) { try server.start() }
    #expect(server.url == nil)
  }

  @Test func refusesAPortAlreadyInUse() throws {
    let first = try SandboxFixture()
    let second = SandboxServer(
      configuration: SandboxConfiguration(port: UInt16(first.port), key: "k"))

    #expect {
      try second.start()
    } throws: { error in
      guard case SandboxError.cannotListen(let port, _) = error else { return false }
      return port == UInt16(first.port) && "\(error)".contains("port \(port)")
    }
  }

  @Test func stopsPromptlyWithAHangingRequestAndCanStopTwice() async throws {
    let sandbox = try SandboxFixture(fault: .hang)
    let request = sandbox.post(SandboxFixture.leadPairs())
    let transport = transport
    let sending = Task {
      await transport.perform(request, timeouts: Timeouts(connect: 1, total: 90))
    }
    let arrived = await sandbox.server.waitForRecords(count: 1, timeout: 10)

    let ((), stopSeconds) = await measureSeconds { sandbox.server.stop() }
    sandbox.server.stop()
    let (result, sendSeconds) = await measureSeconds { await sending.value }

    #expect(arrived.count == 1)
    #expect(stopSeconds < 25)
    #expect(sandbox.server.url == nil)
    #expect(result.failedSent == true)
    #expect(sendSeconds < 25)
  }

  @Test func startsAgainAfterStopping() async throws {
    let sandbox = try SandboxFixture()
    sandbox.server.stop()

    let url = try sandbox.server.start()
    let result = await transport.perform(
      sandbox.post(SandboxFixture.leadPairs(), to: url.absoluteString), timeouts: timeouts)

    #expect(result.answeredText == #"{"result":"success"}"#)
  }

  @Test func stopsWaitingForRecordsAtTheTimeout() async throws {
    let sandbox = try SandboxFixture()

    let (records, seconds) = await measureSeconds {
      await sandbox.server.waitForRecords(count: 1, timeout: 0.2)
    }

    #expect(records.isEmpty)
    #expect(seconds >= 0.15 && seconds < 25)
  }
}
