import CBytes

/// Sends leads to one CRM endpoint with one key, and explains each result.
public struct CRMClient: Sendable {
  /// The vendor's documented endpoint.
  public static let defaultEndpoint = "http://api.gentlemancrm.com/api/site/"

  /// The URL the form is sent to.
  public let endpoint: String
  /// The API key sent as the `key` field.
  public let key: APIKey
  /// POST (the body carries the form) or GET (the URL does, key included).
  public let method: HTTPMethod
  /// The connect timeout and total deadline of each request.
  public let timeouts: Timeouts
  /// What performs the exchange.
  public let transport: any HTTPTransport

  /// Creates a client.
  public init(
    endpoint: String,
    key: APIKey,
    method: HTTPMethod = .post,
    timeouts: Timeouts = .standard,
    transport: any HTTPTransport
  ) {
    self.endpoint = endpoint
    self.key = key
    self.method = method
    self.timeouts = timeouts
    self.transport = transport
  }

  /// The request that carries `lead`, encoded as PHP's `http_build_query` would.
  public func request(for lead: Lead) -> HTTPRequest {
    request(carrying: FormEncoder.encode(lead.formPairs(key: key)))
  }

  /// What `send` would put on the wire, with the key replaced by its masked form.
  ///
  /// The first line is `METHOD URL`; for POST a blank line and the body follow. The key's pair
  /// (always first) shows the masked key unencoded, so an admin reads it at a glance; every other
  /// byte is the one that would be sent.
  public func dryRun(for lead: Lead) -> String {
    let others = FormEncoder.encode(Array(lead.formPairs(key: key).dropFirst()))
    let form = "key=\(key.masked)" + (others.isEmpty ? "" : "&" + others)
    let request = request(carrying: form)
    switch request.method {
    case .get:
      return "GET \(request.url)"
    case .post:
      return "POST \(request.url)\n\n\(String(decoding: request.body, as: UTF8.self))"
    }
  }

  /// Sends `lead` once and classifies the answer; the reason never holds the key.
  public func send(_ lead: Lead) async -> Outcome {
    let result = await transport.perform(request(for: lead), timeouts: timeouts)
    return AnswerClassifier.outcome(for: redactingKey(in: result))
  }

  /// Sends every lead once, at most `connections` requests at once, and classifies each answer
  /// as `send` does; the outcomes come in the order of `leads`.
  public func sendAll(_ leads: [Lead], connections: Int) async -> [Outcome] {
    let results = await transport.performAll(
      leads.map(request(for:)), timeouts: timeouts, connections: connections)
    return results.map { AnswerClassifier.outcome(for: redactingKey(in: $0)) }
  }

  /// A POST with the form as body, or a GET with the form appended to the endpoint's query.
  func request(carrying form: String) -> HTTPRequest {
    switch method {
    case .post:
      return HTTPRequest(method: .post, url: endpoint, body: Array(form.utf8))
    case .get:
      return HTTPRequest(method: .get, url: Self.url(endpoint, appendingQuery: form))
    }
  }

  /// Appends a query with `?`, or with `&` when the endpoint already has one.
  static func url(_ endpoint: String, appendingQuery query: String) -> String {
    guard let questionMark = endpoint.firstIndex(of: "?") else {
      return endpoint + "?" + query
    }
    let existing = endpoint[endpoint.index(after: questionMark)...]
    return existing.isEmpty || existing.hasSuffix("&") ? endpoint + query : endpoint + "&" + query
  }

  /// Keys shorter than this are not searched for: replacing every `k` would garble the text.
  // Limitation: an answer that echoes a key of under 6 characters shows it; real keys are longer.
  static let shortestRedactedKey = 6

  /// What stands in for the key where an answer echoes it.
  public static let redactedKey = "(API key)"

  /// The result with the key removed from the failure text, header values and body.
  ///
  /// Redacting before classification means no excerpt can cut the key in half and keep a part.
  func redactingKey(in result: TransportResult) -> TransportResult {
    switch result {
    case .failed(let requestSent, let reason):
      return .failed(requestSent: requestSent, reason: redactingKey(in: reason))
    case .answered(let status, let headers, let body, let overflowed):
      return .answered(
        status: status, headers: headers.mapValues(redactingKey(in:)),
        body: redactingKey(in: body), bodyOverflowed: overflowed)
    }
  }

  /// The bytes with every occurrence of the key, raw or form-encoded, replaced.
  func redactingKey(in body: [UInt8]) -> [UInt8] {
    guard key.value.count >= Self.shortestRedactedKey else {
      return body
    }
    var result = body
    for secret in Set([key.value, FormEncoder.encodeComponent(key.value)]) {
      result = result.replacingAll(Array(secret.utf8), with: Array(Self.redactedKey.utf8))
    }
    return result
  }

  /// The text with the key, raw or form-encoded, replaced by `redactedKey`.
  ///
  /// A redirect target or an error page may echo the request's URL or body back. The reason
  /// goes into the history, which must not hold the key even masked, so no part of it is kept.
  func redactingKey(in text: String) -> String {
    guard key.value.count >= Self.shortestRedactedKey else {
      return text
    }
    var result = text
    for secret in Set([key.value, FormEncoder.encodeComponent(key.value)]) {
      result = result.replacingAll(secret, with: Self.redactedKey)
    }
    return result
  }
}

extension String {
  /// The text with every occurrence of `target` replaced, without Foundation.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    // Text without the key's bytes cannot hold it as characters either: no search then.
    guard holdsBytes(of: target) else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

extension String {
  /// True when the UTF-8 bytes of `target` occur in the text's (`cbytes_find`).
  fileprivate func holdsBytes(of target: String) -> Bool {
    var text = self
    var target = target
    return text.withUTF8 { bytes in
      target.withUTF8 { wanted in
        cbytes_find(bytes.baseAddress, bytes.count, wanted.baseAddress, wanted.count) != nil
      }
    }
  }
}

extension [UInt8] {
  /// The bytes with every occurrence of `target` replaced, scanning left to right.
  fileprivate func replacingAll(_ target: [UInt8], with replacement: [UInt8]) -> [UInt8] {
    guard !target.isEmpty, count >= target.count else {
      return self
    }
    var result: [UInt8] = []
    result.reserveCapacity(count)
    var index = startIndex
    while index < endIndex {
      if index + target.count <= endIndex, self[index..<index + target.count].elementsEqual(target)
      {
        result += replacement
        index += target.count
      } else {
        result.append(self[index])
        index += 1
      }
    }
    return result
  }
}
