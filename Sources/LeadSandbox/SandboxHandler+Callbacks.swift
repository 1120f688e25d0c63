import CMicroHTTPD

/// libmicrohttpd's callbacks. Each is a C function pointer, so it captures nothing: the handler
/// comes through the daemon's context pointer and the request through the connection's.
extension SandboxHandler {
  /// Creates the request's state from the raw URI, before libmicrohttpd decodes anything.
  static let uriLogger: cmhd_uri_callback = { _, uri, _ in
    let request = SandboxRequest(rawURI: uri.map { String(cString: $0) } ?? "")
    return Unmanaged.passRetained(request).toOpaque()
  }

  /// Called once for the headers, once per body chunk, and once more when the body is complete.
  static let accessHandler: MHD_AccessHandlerCallback = {
    context, connection, _, method, _, upload, uploadSize, requestContext in
    guard let context, let connection, let uploadSize, let pointer = requestContext?.pointee
    else { return .NO }
    let handler = Unmanaged<SandboxHandler>.fromOpaque(context).takeUnretainedValue()
    let request = Unmanaged<SandboxRequest>.fromOpaque(pointer).takeUnretainedValue()

    if !request.headersSeen {
      request.headersSeen = true
      request.method = method.map { String(cString: $0) } ?? ""
      request.contentType = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Type")
        .map { String(cString: $0) }
      return .YES
    }
    if uploadSize.pointee > 0 {
      request.append(UnsafeRawBufferPointer(start: upload, count: uploadSize.pointee))
      uploadSize.pointee = 0
      return .YES
    }
    return handler.answer(request, on: connection)
  }

  /// Releases the request's state once libmicrohttpd is done with it, however it ended.
  static let requestCompleted: MHD_RequestCompletedCallback = { _, _, requestContext, _ in
    guard let requestContext, let pointer = requestContext.pointee else { return }
    Unmanaged<SandboxRequest>.fromOpaque(pointer).release()
    requestContext.pointee = nil
  }

  /// Sends the reply the rules and the fault call for; `.NO` closes the connection.
  private func answer(_ request: SandboxRequest, on connection: OpaquePointer) -> MHD_Result {
    let reply = reply(to: request)
    switch reply.delivery {
    case .now:
      return queue(reply, on: connection)
    case .after(let seconds):
      let stopping = gate.wait(seconds: seconds)
      return stopping ? .NO : queue(reply, on: connection)
    case .never:
      _ = gate.wait(seconds: nil)
      return .NO
    case .dropConnection:
      return .NO
    case .cutHalfway:
      return queueCut(reply, on: connection)
    }
  }

  /// Queues a complete response.
  private func queue(_ reply: SandboxReply, on connection: OpaquePointer) -> MHD_Result {
    let body = Array(reply.body.utf8)
    let made = body.withUnsafeBytes { cmhd_response_copying($0.baseAddress, $0.count) }
    guard let response = made else { return .NO }
    defer { MHD_destroy_response(response) }
    return queue(response, status: reply.status, headers: reply.headers, on: connection)
  }

  /// Queues a response whose length announces the whole body but whose reader stops half-way,
  /// so libmicrohttpd closes the connection mid-body.
  private func queueCut(_ reply: SandboxReply, on connection: OpaquePointer) -> MHD_Result {
    let body = Array(reply.body.utf8)
    let source = CutBody(bytes: body, sentCount: Self.firstHalf(of: reply.body).utf8.count)
    let context = Unmanaged.passRetained(source).toOpaque()
    guard
      let response = MHD_create_response_from_callback(
        UInt64(body.count), 1024, Self.cutReader, context, Self.cutRelease)
    else {
      Unmanaged<CutBody>.fromOpaque(context).release()
      return .NO
    }
    defer { MHD_destroy_response(response) }
    return queue(response, status: reply.status, headers: reply.headers, on: connection)
  }

  private func queue(
    _ response: OpaquePointer,
    status: Int,
    headers: [(name: String, value: String)],
    on connection: OpaquePointer
  ) -> MHD_Result {
    for header in headers {
      _ = MHD_add_response_header(response, header.name, header.value)
    }
    return MHD_queue_response(connection, UInt32(status), response)
  }

  /// Hands out the first `sentCount` bytes, then reports an error so the connection closes.
  private static let cutReader: MHD_ContentReaderCallback = { context, position, buffer, room in
    guard let context, let buffer else { return cmhd_content_reader_error() }
    let source = Unmanaged<CutBody>.fromOpaque(context).takeUnretainedValue()
    let start = Int(position)
    guard start < source.sentCount else { return cmhd_content_reader_error() }
    let count = min(room, source.sentCount - start)
    source.bytes.withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      UnsafeMutableRawPointer(buffer).copyMemory(from: base + start, byteCount: count)
    }
    return count
  }

  private static let cutRelease: MHD_ContentReaderFreeCallback = { context in
    guard let context else { return }
    Unmanaged<CutBody>.fromOpaque(context).release()
  }
}

/// The body of a `truncated` answer and how much of it goes out.
private final class CutBody {
  let bytes: [UInt8]
  let sentCount: Int

  init(bytes: [UInt8], sentCount: Int) {
    self.bytes = bytes
    self.sentCount = sentCount
  }
}
