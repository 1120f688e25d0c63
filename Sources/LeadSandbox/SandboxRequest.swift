import LeadCore

/// One request while libmicrohttpd reads it. It is created from the raw URI, filled by the access
/// handler's calls, and released when libmicrohttpd reports the request complete; all of that
/// happens on the connection's own thread, one call after another.
final class SandboxRequest {
  /// The request target exactly as sent, query included.
  let rawURI: String
  /// The HTTP method, known from the access handler's first call.
  var method = ""
  /// The `Content-Type` header, when there is one.
  var contentType: String?
  /// The body bytes received so far, up to `SandboxServer.bodyLimit`.
  private(set) var body: [UInt8] = []
  /// True once the body went over the limit; later bytes are read and dropped.
  private(set) var bodyTooLarge = false
  /// True once the access handler has seen the headers.
  var headersSeen = false

  /// Starts a request from its raw URI.
  init(rawURI: String) {
    self.rawURI = rawURI
  }

  /// Keeps one chunk of body, or marks the body too large.
  func append(_ chunk: UnsafeRawBufferPointer) {
    guard !bodyTooLarge else { return }
    guard body.count + chunk.count <= SandboxServer.bodyLimit else {
      bodyTooLarge = true
      return
    }
    body.append(contentsOf: chunk)
  }

  /// The raw path, before `?`.
  var path: String {
    String(rawURI.prefix { $0 != "?" && $0 != "#" })
  }

  /// The raw query after `?`, without any fragment; empty when there is none.
  var rawQuery: String {
    guard let mark = rawURI.firstIndex(of: "?") else { return "" }
    return String(rawURI[rawURI.index(after: mark)...].prefix { $0 != "#" })
  }

  /// True for a form body, the kind the client sends and PHP turns into `$_POST`.
  // Limitation: a multipart/form-data body is recorded but not decoded (PHP would decode it);
  // the console never sends one, so the sandbox answers it as a form without fields.
  var hasFormBody: Bool {
    let type = contentType?.lowercased() ?? ""
    return type.hasPrefix("application/x-www-form-urlencoded")
  }

  /// The form fields PHP would see: the body's for POST, the query's for GET.
  var fields: [FormPair] {
    switch method {
    case "POST": hasFormBody ? FormDecoder.decode(body) : []
    case "GET": FormDecoder.decode(rawQuery)
    default: []
    }
  }
}
