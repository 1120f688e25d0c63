import LeadCore

/// What the sandbox sends back for one request, and how.
struct SandboxReply {
  /// How the answer reaches the client.
  enum Delivery: Equatable {
    /// Sent at once.
    case now
    /// Sent after a delay, or never if the server stops first.
    case after(seconds: Double)
    /// Never sent: the request waits until the server stops.
    case never
    /// The connection is closed without an answer.
    case dropConnection
    /// Status and headers announce the whole body, then the connection closes half-way.
    case cutHalfway
  }

  /// The HTTP status.
  var status: Int
  /// Response headers besides the automatic ones.
  var headers: [(name: String, value: String)]
  /// The body as meant; `cutHalfway` sends only its first half.
  var body: String
  /// How it is delivered.
  var delivery: Delivery
}

/// The CRM's documented rules, plus the fault being played.
enum SandboxResponder {
  /// The paths the CRM answers on; the vendor's example uses the one with the slash.
  static let apiPaths: Set<String> = ["/api/site", "/api/site/"]
  /// Where a running sandbox takes a new fault mode (see `SandboxHandler`).
  static let faultControlPath = "/sandbox/fault"
  /// Where the redirect fault points: a path of this server that answers 404 if followed.
  static let redirectPath = "/redirected/api/site/"

  /// The error codes for a form: 100 or 101 for the key, and 102 without phone and email.
  static func errorCodes(for fields: [FormPair], key: String) -> [Int] {
    var codes: [Int] = []
    let sentKey = FormDecoder.lastValue(named: "key", in: fields) ?? ""
    if sentKey.isEmpty {
      codes.append(100)
    } else if sentKey != key {
      codes.append(101)
    }
    let phone = FormDecoder.lastValue(named: "phone", in: fields) ?? ""
    let email = FormDecoder.lastValue(named: "email", in: fields) ?? ""
    if phone.isEmpty && email.isEmpty {
      codes.append(102)
    }
    return codes
  }

  /// The JSON answer for a list of error codes; none means success.
  static func answer(for codes: [Int]) -> String {
    guard !codes.isEmpty else { return #"{"result":"success"}"# }
    let list = codes.map(String.init).joined(separator: ",")
    return #"{"result":"error","errors":[\#(list)]}"#
  }

  /// The reply to a request that has been read in full.
  static func reply(
    to request: SandboxRequest,
    key: String,
    fault: SandboxFault,
    origin: String
  ) -> SandboxReply {
    guard apiPaths.contains(request.path) else {
      return json(404, #"{"error":"not found: the API answers on /api/site/"}"#)
    }
    guard request.method == "POST" || request.method == "GET" else {
      var reply = json(405, #"{"error":"method not allowed: use POST or GET"}"#)
      reply.headers.append(("Allow", "GET, POST"))
      return reply
    }
    guard !request.bodyTooLarge else {
      return json(413, #"{"error":"request body over \#(SandboxServer.bodyLimit) bytes"}"#)
    }
    if fault == .echo {
      let lines = request.fields.map { "\($0.name)=\($0.value)\n" }.joined()
      return SandboxReply(
        status: 500, headers: [("Content-Type", "text/plain; charset=utf-8")],
        body: "fields received:\n" + lines, delivery: .now)
    }
    let rules = json(200, answer(for: errorCodes(for: request.fields, key: key)))
    return faulty(rules, fault: fault, origin: origin)
  }

  /// The rules' reply, changed by the fault.
  private static func faulty(_ rules: SandboxReply, fault: SandboxFault, origin: String)
    -> SandboxReply
  {
    switch fault {
    case .none: return rules
    case .hang: return SandboxReply(status: 0, headers: [], body: "", delivery: .never)
    case .slow(let seconds):
      return SandboxReply(
        status: rules.status, headers: rules.headers, body: rules.body,
        delivery: .after(seconds: seconds))
    case .html502: return html(502, "Bad Gateway")
    case .html500: return html(500, "Internal Server Error")
    case .html403: return html(403, "Forbidden")
    case .empty200: return json(200, "")
    case .truncated:
      return SandboxReply(
        status: 200, headers: rules.headers, body: rules.body, delivery: .cutHalfway)
    case .reset: return SandboxReply(status: 0, headers: [], body: "", delivery: .dropConnection)
    case .redirect:
      var reply = html(302, "Found")
      reply.headers.append(("Location", origin + redirectPath))
      return reply
    case .tooManyRequests(let retryAfter):
      var reply = html(429, "Too Many Requests")
      reply.headers.append(("Retry-After", String(retryAfter)))
      return reply
    case .unavailable: return html(503, "Service Temporarily Unavailable")
    case .echo: return rules
    }
  }

  /// The answer to a control request.
  static func controlAnswer(_ status: Int, _ body: String) -> SandboxReply {
    json(status, body)
  }

  private static func json(_ status: Int, _ body: String) -> SandboxReply {
    SandboxReply(
      status: status, headers: [("Content-Type", "application/json")], body: body, delivery: .now)
  }

  /// An error page shaped like nginx's, as a proxy in front of the CRM sends it.
  private static func html(_ status: Int, _ title: String) -> SandboxReply {
    let body =
      "<html>\r\n<head><title>\(status) \(title)</title></head>\r\n<body>\r\n"
      + "<center><h1>\(status) \(title)</h1></center>\r\n<hr><center>nginx</center>\r\n"
      + "</body>\r\n</html>\r\n"
    return SandboxReply(
      status: status, headers: [("Content-Type", "text/html")], body: body, delivery: .now)
  }
}
