/// A misbehaviour the sandbox can put on, to show how the console copes with a CRM or proxy in
/// trouble. Every request is still recorded as received.
public enum SandboxFault: Sendable, Equatable {
  /// Answers by the documented rules.
  case none
  /// Reads the request and never answers, until the server stops.
  case hang
  /// Answers by the rules after the given number of seconds.
  case slow(seconds: Double)
  /// HTTP 502 with an nginx-style HTML page, as a gateway in front of the CRM sends.
  case html502
  /// HTTP 500 with an HTML error page.
  case html500
  /// HTTP 403 with an nginx-style HTML page, as after a rate-limit block.
  case html403
  /// HTTP 200 with an empty body.
  case empty200
  /// HTTP 200 announcing the whole JSON answer, then the connection closes half-way through it.
  case truncated
  /// Reads the request, then closes the connection without a byte of answer.
  case reset
  /// HTTP 302 to another URL on this server; following it would be recorded as a request.
  case redirect
  /// HTTP 429 with `Retry-After` in seconds.
  case tooManyRequests(retryAfter: Int)
  /// HTTP 503, as during maintenance.
  case unavailable
  /// HTTP 500 echoing every decoded field back as `name=value` lines, key and control
  /// characters included, as a debugging error page might: what a client must never show.
  case echo

  /// The `Retry-After` a plain `429` argument gives.
  public static let defaultRetryAfter = 5

  /// The longest `slow` delay accepted, in seconds.
  public static let longestDelay = 300.0

  /// The arguments `init(argument:)` understands, for help texts.
  public static let argumentSummary =
    "none, hang, slow=SECONDS, html502, html500, html403, empty200, truncated, reset, redirect, "
    + "429 or 429=SECONDS, 503, echo"

  /// Parses a command-line argument such as `hang`, `slow=2.5` or `429=10`; nil when unknown.
  public init?(argument: String) {
    let parts = argument.lowercased().split(separator: "=", maxSplits: 1).map(String.init)
    guard let name = parts.first else { return nil }
    let value = parts.count == 2 ? parts[1] : nil
    switch (name, value) {
    case ("none", nil): self = .none
    case ("hang", nil): self = .hang
    case ("slow", let text?):
      guard let seconds = Double(text), seconds > 0, seconds <= Self.longestDelay else {
        return nil
      }
      self = .slow(seconds: seconds)
    case ("html502", nil), ("502", nil): self = .html502
    case ("html500", nil), ("500", nil): self = .html500
    case ("html403", nil), ("403", nil): self = .html403
    case ("empty200", nil): self = .empty200
    case ("truncated", nil): self = .truncated
    case ("reset", nil): self = .reset
    case ("redirect", nil): self = .redirect
    case ("429", nil): self = .tooManyRequests(retryAfter: Self.defaultRetryAfter)
    case ("429", let text?):
      guard let seconds = Int(text), seconds >= 0 else { return nil }
      self = .tooManyRequests(retryAfter: seconds)
    case ("503", nil), ("unavailable", nil): self = .unavailable
    case ("echo", nil): self = .echo
    default: return nil
    }
  }

  /// The argument that parses back to this fault.
  public var argument: String {
    switch self {
    case .none: "none"
    case .hang: "hang"
    case .slow(let seconds): "slow=\(seconds)"
    case .html502: "html502"
    case .html500: "html500"
    case .html403: "html403"
    case .empty200: "empty200"
    case .truncated: "truncated"
    case .reset: "reset"
    case .redirect: "redirect"
    case .tooManyRequests(let retryAfter): "429=\(retryAfter)"
    case .unavailable: "503"
    case .echo: "echo"
    }
  }
}
