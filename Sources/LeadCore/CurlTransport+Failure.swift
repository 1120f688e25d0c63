import CCurl

#if canImport(Glibc)
  import Glibc
#endif

extension CurlTransport {
  /// A transfer that ended without a usable answer, and how to explain it.
  struct Failure {
    /// curl's result code.
    var code: CURLcode
    /// The socket error behind a failed connect, 0 when there is none.
    var osErrno: Int
    /// True once a TCP connection was established.
    var connected: Bool
    /// True once curl was ready to send, or reported request bytes sent.
    var readyToSend: Bool
    /// curl's own message from its error buffer, possibly empty.
    var curlText: String
    /// The limits the transfer ran under.
    var timeouts: Timeouts
    /// The TLS library's verdict on the server's certificate (OpenSSL's `X509_V_*` codes),
    /// 0 when it found no fault or no certificate was checked.
    var certificateVerdict: Int = 0

    /// Codes curl only returns before the first byte of the request leaves: name resolution,
    /// connecting, the TLS handshake, or a URL it refused outright.
    private static let beforeSending: [CURLcode] = [
      CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_COULDNT_RESOLVE_PROXY,
      CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SSL_CONNECT_ERROR,
      CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
      CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ISSUER_ERROR,
      CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_FAILED_INIT,
    ]

    /// False only when nothing of the request can have reached the server. Anything unclear
    /// counts as sent: calling a sent lead unsent would invite a duplicate in the CRM. Once curl
    /// was ready to send, no code makes it unsent: curl also reports an answer it cannot read
    /// as HTTP (no status line, status 000) as an unsupported protocol, after the request left.
    var requestMayHaveBeenSent: Bool { readyToSend || code == CURLE_SEND_FAIL_REWIND }

    /// What failed, in plain words, followed by curl's own message. The URL's query never
    /// appears: in GET mode it carries the API key.
    func reason(for request: HTTPRequest) -> String {
      let text = Self.removingQuery(of: request.url, from: curlText)
      return text.isEmpty ? words : "\(words) (\(text))"
    }

    /// The failure in words an operator can act on.
    var words: String {
      switch code {
      case CURLE_COULDNT_RESOLVE_HOST: "host name not found"
      case CURLE_COULDNT_RESOLVE_PROXY: "proxy host name not found"
      case CURLE_COULDNT_CONNECT: connectFailureWords
      case CURLE_OPERATION_TIMEDOUT: timeoutWords
      case CURLE_SSL_CONNECT_ERROR: "TLS handshake failed"
      case CURLE_PEER_FAILED_VERIFICATION: certificateWords
      case CURLE_SSL_CACERT_BADFILE: "the CA certificate file could not be read"
      case CURLE_GOT_NOTHING: "the connection closed without an answer"
      case CURLE_SEND_FAIL_REWIND:
        "the kept connection closed after the request went out; not sent again"
      case CURLE_SEND_ERROR: "the connection failed while sending the request"
      case CURLE_RECV_ERROR: "the connection failed while receiving the answer"
      case CURLE_PARTIAL_FILE: "the answer was cut short"
      case CURLE_WEIRD_SERVER_REPLY: "the server's answer is not HTTP"
      case CURLE_UNSUPPORTED_PROTOCOL where readyToSend: "the server's answer is not HTTP"
      case CURLE_UNSUPPORTED_PROTOCOL: "only http:// and https:// endpoints are allowed"
      case CURLE_URL_MALFORMAT: "the endpoint URL is malformed"
      case CURLE_ABORTED_BY_CALLBACK: "the request was cancelled"
      case CURLE_WRITE_ERROR: "the answer could not be stored"
      default:
        if Self.beforeSending.contains(code) {
          "TLS setup failed"
        } else {
          "the request failed (curl error \(code.rawValue))"
        }
      }
    }

    /// What is wrong with the server's certificate. curl checks the host name itself once the
    /// TLS library found the chain sound, and then leaves no verdict or an unspecified one (1),
    /// naming the mismatch only in its message.
    private var certificateWords: String {
      let curlNamesHost = curlText.lowercased().contains("name")
      return switch certificateVerdict {
      case 0 where curlNamesHost, 1 where curlNamesHost, 62, 64:
        "the server's TLS certificate is not for this host name"
      case 9: "the server's TLS certificate is not valid yet"
      case 10: "the server's TLS certificate has expired"
      case 23: "the server's TLS certificate has been revoked"
      case 2, 18, 19, 20, 21:
        "the server's TLS certificate is from an unknown certificate authority"
          + " (a private CA is trusted with --ca-file)"
      default: "the server's TLS certificate is not trusted"
      }
    }

    private var connectFailureWords: String {
      switch Int32(truncatingIfNeeded: osErrno) {
      case ECONNREFUSED: "connection refused"
      case ENETUNREACH, EHOSTUNREACH: "network unreachable"
      case ETIMEDOUT: "could not connect: timed out"
      default: "could not connect"
      }
    }

    private var timeoutWords: String {
      if !connected {
        return "no connection within \(Self.seconds(min(timeouts.connect, timeouts.total)))"
      }
      if !readyToSend { return "TLS handshake not finished within \(Self.seconds(timeouts.total))" }
      return "no complete answer within \(Self.seconds(timeouts.total))"
    }

    /// A duration as an operator writes it: "1 s", "2.5 s".
    static func seconds(_ value: Double) -> String {
      let milliseconds = CurlTransport.Options.milliseconds(value)
      let whole = milliseconds / 1000
      let fraction = milliseconds % 1000
      guard fraction != 0 else { return "\(whole) s" }
      var decimals = String(fraction)
      decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
      while decimals.hasSuffix("0") { decimals.removeLast() }
      return "\(whole).\(decimals) s"
    }

    /// Removes the URL's query (and the URL itself) from `text`, and keeps it short.
    static func removingQuery(of url: String, from text: String) -> String {
      var cleaned = text
      if let mark = url.firstIndex(of: "?") {
        let query = url[url.index(after: mark)...].prefix { $0 != "#" }
        cleaned = cleaned.replacingAll(url, with: String(url[..<mark]))
        if !query.isEmpty { cleaned = cleaned.replacingAll(String(query), with: "…") }
      }
      let visible = cleaned.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint }
      let flat = visible.map { $0.properties.generalCategory == .control ? " " : $0 }
      let line = String(String.UnicodeScalarView(flat))
      return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
  }
}

extension String {
  /// Every occurrence of `target` replaced, without Foundation.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
