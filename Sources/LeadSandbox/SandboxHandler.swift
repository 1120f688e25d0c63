import Foundation
import LeadCore
import Synchronization

/// The sandbox's shared state, reached from libmicrohttpd's connection threads: the key, the
/// fault, the records and the record file, all behind one mutex.
///
/// It outlives every daemon that points at it: the server stops its daemon (which joins all
/// connection threads) before letting go of the handler.
final class SandboxHandler: Sendable {
  /// The most records kept in memory; the record file keeps them all.
  // Limitation: a sandbox left running for days forgets all but its latest 10,000 requests in
  // memory, so that its memory stays bounded; `--record FILE` keeps every one.
  static let recordsKept = 10_000

  /// The only key answered without error 101.
  let key: String
  /// Where hanging and slow requests wait; opened when the server stops.
  let gate = SandboxGate()
  /// Signalled after each record, for callers waiting for requests to arrive.
  private let arrival = NSCondition()
  private let state: Mutex<State>

  private struct State {
    var fault: SandboxFault
    var origin = ""
    var records: [SandboxRecord] = []
    var received = 0
    var recordFile: SandboxRecordFile?
    var recordFileError: SandboxError?
  }

  /// Creates the state for a server with this key and initial fault.
  init(key: String, fault: SandboxFault) {
    self.key = key
    state = Mutex(State(fault: fault))
  }

  /// The fault being played.
  var fault: SandboxFault {
    get { state.withLock { $0.fault } }
    set { state.withLock { $0.fault = newValue } }
  }

  /// `scheme://127.0.0.1:PORT` of the running daemon, for redirect targets.
  var origin: String {
    get { state.withLock { $0.origin } }
    set { state.withLock { $0.origin = newValue } }
  }

  /// A snapshot of the records, oldest first.
  var records: [SandboxRecord] {
    state.withLock { $0.records }
  }

  /// Blocks until `count` requests have been recorded in all, or the deadline passes; returns the
  /// records kept then.
  func waitForRecords(count: Int, until deadline: Date) -> [SandboxRecord] {
    arrival.lock()
    defer { arrival.unlock() }
    while state.withLock({ $0.received }) < count {
      if !arrival.wait(until: deadline) { break }
    }
    return records
  }

  /// The last failure to write the record file.
  var recordFileError: SandboxError? {
    state.withLock { $0.recordFileError }
  }

  /// Readies the handler for a daemon that is about to start.
  func prepare(recordFile: SandboxRecordFile?) {
    gate.close()
    state.withLock { state in
      state.recordFile?.close()
      state.recordFile = recordFile
    }
  }

  /// Lets every hanging or slow request go.
  func releaseWaiters() {
    gate.open()
  }

  /// Closes the record file once the daemon has stopped.
  func finish() {
    state.withLock { state in
      state.recordFile?.close()
      state.recordFile = nil
    }
  }

  /// Decides the reply to a request read in full, records the exchange, and returns the reply.
  func reply(to request: SandboxRequest) -> SandboxReply {
    if request.path == SandboxResponder.faultControlPath {
      return switchFault(request)
    }
    let (fault, origin) = state.withLock { ($0.fault, $0.origin) }
    let reply = SandboxResponder.reply(to: request, key: key, fault: fault, origin: origin)
    let answered = ![.never, .dropConnection].contains(reply.delivery)
    let sentBody = reply.delivery == .cutHalfway ? Self.firstHalf(of: reply.body) : reply.body
    record(
      SandboxRecord(
        time: Date(),
        method: request.method,
        path: request.path,
        rawQuery: request.rawQuery,
        contentType: request.contentType,
        body: request.body,
        fields: request.fields.map(SandboxRecord.Field.init),
        status: answered ? reply.status : nil,
        answer: answered ? sentBody : ""
      ))
    return reply
  }

  /// Switches the fault mode of a running sandbox: `POST /sandbox/fault` with the form field
  /// `mode` (`none`, `hang`, `503`, ...), so tests can break and mend a sandbox in another
  /// process. Not recorded: it is a control request, not one to the CRM.
  private func switchFault(_ request: SandboxRequest) -> SandboxReply {
    let mode = FormDecoder.lastValue(named: "mode", in: request.fields) ?? ""
    guard request.method == "POST", let fault = SandboxFault(argument: mode) else {
      return SandboxResponder.controlAnswer(
        400, #"{"error":"POST mode=MODE, one of: \#(SandboxFault.argumentSummary)"}"#)
    }
    state.withLock { $0.fault = fault }
    return SandboxResponder.controlAnswer(200, #"{"fault":"\#(fault.argument)"}"#)
  }

  /// The part of a body the `truncated` fault sends.
  static func firstHalf(of body: String) -> String {
    String(decoding: Array(body.utf8).prefix(body.utf8.count / 2), as: UTF8.self)
  }

  /// Keeps a record in memory and appends it to the record file, in the order received.
  private func record(_ record: SandboxRecord) {
    let line = Result { try record.jsonLine() }
    defer {
      // Signalled with the condition's lock held, after the count changed, so a waiter that
      // has just read the old count is already waiting and cannot miss it.
      arrival.lock()
      arrival.broadcast()
      arrival.unlock()
    }
    state.withLock { state in
      state.records.append(record)
      state.received += 1
      if state.records.count > Self.recordsKept {
        state.records.removeFirst(state.records.count - Self.recordsKept)
      }
      guard let file = state.recordFile else { return }
      do {
        try file.append(line: line.get())
      } catch let error as SandboxError {
        state.recordFileError = error
      } catch {
        state.recordFileError = .recordNotWritten(path: file.path, reason: "\(error)")
      }
    }
  }
}
