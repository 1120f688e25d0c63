import CCurl

extension CurlTransport {
  /// One exchange on one curl easy handle: a new one, or with `reusesConnections` one taken
  /// from the process's pool and given back after an answer (`CurlHandlePool`). It lives on a single transfer thread from `run()` to its
  /// end; curl's callbacks reach it through an unretained pointer valid for that time.
  final class Transfer {
    /// Hosts reached directly even when the environment names a proxy.
    static let loopbackHosts = "127.0.0.1,localhost,::1"

    private let request: HTTPRequest
    private let options: Options
    private let cancellation: CancellationFlag
    private var body: [UInt8] = []
    private var bodyOverflowed = false
    private var headers: [String: String] = [:]

    /// Prepares a transfer; nothing happens before `run()`.
    init(request: HTTPRequest, options: Options, cancellation: CancellationFlag) {
      self.request = request
      self.options = options
      self.cancellation = cancellation
    }

    /// Performs the exchange, blocking the calling thread until it ends.
    func run() -> TransportResult {
      guard !request.url.utf8.contains(0) else {
        return .failed(requestSent: false, reason: "the endpoint URL contains a NUL character")
      }
      // Only a POST keeps its connection: its body is one libcurl cannot send twice. A GET
      // carries the lead in its URL, which libcurl would send again on a new connection.
      let pool = options.reusesConnections && request.method == .post ? CurlHandlePool.shared : nil
      guard let handle = pool?.take() ?? curl_easy_init() else {
        return .failed(requestSent: false, reason: "the HTTP library could not create a request")
      }
      var answered = false
      defer {
        if let pool { pool.give(handle, reusable: answered) } else { curl_easy_cleanup(handle) }
      }
      let errorSize = ccurl_error_buffer_size()
      let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
      errorBuffer.initialize(repeating: 0, count: errorSize)
      defer { errorBuffer.deallocate() }
      let headerList = makeHeaderList()
      defer { curl_slist_free_all(headerList) }

      let onceBody = pool == nil ? nil : Self.onceBody(request.body)
      defer { onceBody.map(Self.release) }

      let setup = configure(
        handle, headerList: headerList, errorBuffer: errorBuffer, onceBody: onceBody)
      guard setup == CURLE_OK else {
        let words = String(cString: curl_easy_strerror(setup))
        return .failed(requestSent: false, reason: "the request could not be prepared (\(words))")
      }
      guard !cancellation.isCancelled else {
        return .failed(requestSent: false, reason: "the request was cancelled before it was sent")
      }
      let code = withExtendedLifetime(self) { curl_easy_perform(handle) }

      let status = Int(ccurl_response_code(handle))
      if code == CURLE_OK {
        answered = true
        return .answered(status: status, headers: headers, body: body, bodyOverflowed: false)
      }
      if code == CURLE_WRITE_ERROR, bodyOverflowed, status > 0 {
        return .answered(status: status, headers: headers, body: body, bodyOverflowed: true)
      }
      let failure = Failure(
        code: code,
        osErrno: Int(ccurl_os_errno(handle)),
        connected: ccurl_connect_time_us(handle) > 0,
        readyToSend: ccurl_pretransfer_time_us(handle) > 0 || ccurl_request_size(handle) > 0,
        curlText: String(cString: errorBuffer),
        timeouts: options.timeouts,
        certificateVerdict: Int(ccurl_ssl_verify_result(handle))
      )
      let reason = failure.reason(for: request)
      return .failed(requestSent: failure.requestMayHaveBeenSent, reason: reason)
    }

    /// Sets every option of the exchange; the first code that is not `CURLE_OK` wins.
    private func configure(
      _ handle: UnsafeMutableRawPointer,
      headerList: UnsafeMutablePointer<curl_slist>?,
      errorBuffer: UnsafeMutablePointer<CChar>,
      onceBody: UnsafeMutablePointer<ccurl_once_body>?
    ) -> CURLcode {
      let context = Unmanaged.passUnretained(self).toOpaque()
      var codes = [
        ccurl_set_error_buffer(handle, errorBuffer),
        ccurl_set_url(handle, request.url),
        ccurl_set_protocols(handle, "http,https"),
        ccurl_set_no_signal(handle, 1),
        ccurl_set_follow_location(handle, 0),
        ccurl_set_connect_timeout_ms(handle, options.connectMilliseconds),
        ccurl_set_timeout_ms(handle, options.totalMilliseconds),
        ccurl_set_no_proxy(handle, Self.loopbackHosts),
        ccurl_set_headers(handle, headerList),
        ccurl_set_body_sink(handle, Self.bodySink, context),
        ccurl_set_header_sink(handle, Self.headerSink, context),
        ccurl_set_progress(handle, Self.progressCheck, context),
      ]
      if let caFile = options.caFile {
        codes.append(ccurl_set_ca_file(handle, caFile))
      }
      switch request.method {
      case .get:
        codes.append(ccurl_set_http_get(handle))
      case .post:
        if let onceBody {
          codes.append(ccurl_set_once_body(handle, onceBody))
          break
        }
        codes.append(
          request.body.isEmpty
            ? ccurl_set_post_body(handle, "", 0)
            : request.body.withUnsafeBufferPointer { bytes in
              bytes.withMemoryRebound(to: CChar.self) { chars in
                ccurl_set_post_body(handle, chars.baseAddress, curl_off_t(chars.count))
              }
            }
        )
      }
      return codes.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// The request headers: the form type for POST, and no `Expect: 100-continue` round trip.
    private func makeHeaderList() -> UnsafeMutablePointer<curl_slist>? {
      var lines = ["Accept: application/json", "Expect:"]
      if request.method == .post {
        lines.append("Content-Type: application/x-www-form-urlencoded")
      }
      var list: UnsafeMutablePointer<curl_slist>?
      for line in lines {
        list = curl_slist_append(list, line)
      }
      return list
    }

    /// A copy of `bytes` as a body libcurl reads once, never rewinding it (see the shim).
    static func onceBody(_ bytes: [UInt8]) -> UnsafeMutablePointer<ccurl_once_body> {
      let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, bytes.count))
      bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: raw.count)
      }
      let body = UnsafeMutablePointer<ccurl_once_body>.allocate(capacity: 1)
      body.initialize(to: ccurl_once_body(bytes: copy, size: bytes.count, offset: 0))
      return body
    }

    /// Frees a body made by `onceBody`, once its transfer has ended.
    static func release(_ body: UnsafeMutablePointer<ccurl_once_body>) {
      UnsafeMutablePointer(mutating: body.pointee.bytes)?.deallocate()
      body.deallocate()
    }

    /// Keeps body bytes up to the cap; past it keeps the cap's worth and asks curl to stop.
    fileprivate func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      let room = options.bodyCap - body.count
      guard bytes.count > room else {
        body.append(contentsOf: bytes)
        return true
      }
      body.append(contentsOf: bytes.prefix(max(0, room)))
      bodyOverflowed = true
      return false
    }

    /// Collects one header line; a status line starts a new response (after a 1xx answer).
    fileprivate func receiveHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>) {
      let line = String(decoding: bytes, as: UTF8.self)
      if line.hasPrefix("HTTP/") {
        headers.removeAll()
        return
      }
      guard let colon = line.firstIndex(of: ":") else { return }
      let name = line[..<colon].trimmingSpaces().lowercased()
      let value = line[line.index(after: colon)...].trimmingSpaces()
      guard !name.isEmpty else { return }
      headers[name] = headers[name].map { "\($0), \(value)" } ?? value
    }

    /// True when the caller's task was cancelled.
    fileprivate var isCancelled: Bool { cancellation.isCancelled }

    private static let bodySink: ccurl_data_callback = { data, size, count, context in
      guard let data, let context else { return 0 }
      let length = size * count
      let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
      let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
      return transfer.receiveBody(UnsafeBufferPointer(start: bytes, count: length)) ? length : 0
    }

    private static let headerSink: ccurl_data_callback = { data, size, count, context in
      guard let data, let context else { return 0 }
      let length = size * count
      let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
      let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
      transfer.receiveHeaderLine(UnsafeBufferPointer(start: bytes, count: length))
      return length
    }

    private static let progressCheck: ccurl_progress_callback = { context, _, _, _, _ in
      guard let context else { return 0 }
      return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
    }
  }
}

extension StringProtocol {
  /// The text without surrounding white space and line ends (`\r\n` is a single Character).
  fileprivate func trimmingSpaces() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
