import Foundation
import LeadCore

/// One request as the sandbox received it, and what it answered.
public struct SandboxRecord: Codable, Sendable, Equatable {
  /// One decoded form field, as PHP's `$_POST` or `$_GET` would hold it.
  public struct Field: Codable, Sendable, Equatable {
    /// The field's name.
    public var name: String
    /// The field's decoded value.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// When the request had been read in full, to the whole second (so a record file round-trips).
  public var time: Date
  /// The HTTP method, e.g. `POST`.
  public var method: String
  /// The raw path, before any decoding.
  public var path: String
  /// The raw query after `?`, exactly as sent; empty when there is none.
  public var rawQuery: String
  /// The `Content-Type` request header, when there was one.
  public var contentType: String?
  /// The body's bytes as text; exact when they are UTF-8 (else see `rawBodyBase64`).
  public var rawBody: String
  /// The body in base64, only when its bytes are not valid UTF-8.
  public var rawBodyBase64: String?
  /// The decoded fields, in order: from the body for POST, from the query for GET.
  public var fields: [Field]
  /// The HTTP status sent back; nil when no answer was sent (a hang or a dropped connection).
  public var status: Int?
  /// The body sent back, e.g. `{"result":"success"}`; empty when none.
  public var answer: String

  /// Creates a record from the raw body bytes.
  public init(
    time: Date,
    method: String,
    path: String,
    rawQuery: String,
    contentType: String? = nil,
    body: [UInt8],
    fields: [Field],
    status: Int?,
    answer: String
  ) {
    self.time = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
    self.method = method
    self.path = path
    self.rawQuery = rawQuery
    self.contentType = contentType
    if let text = String(validating: body, as: UTF8.self) {
      rawBody = text
      rawBodyBase64 = nil
    } else {
      rawBody = String(decoding: body, as: UTF8.self)
      rawBodyBase64 = Data(body).base64EncodedString()
    }
    self.fields = fields
    self.status = status
    self.answer = answer
  }

  /// The body's exact bytes.
  public var rawBodyBytes: [UInt8] {
    if let rawBodyBase64, let data = Data(base64Encoded: rawBodyBase64) {
      return Array(data)
    }
    return Array(rawBody.utf8)
  }

  /// The last value given for `name`, as PHP sees a repeated field; nil when absent.
  public func value(of name: String) -> String? {
    fields.last { $0.name == name }?.value
  }

  /// Reads one line of a record file.
  public init(jsonLine: some StringProtocol) throws {
    self = try Self.decoder.decode(SandboxRecord.self, from: Data(jsonLine.utf8))
  }

  /// The record as one line of JSON, without the line end.
  public func jsonLine() throws -> String {
    String(decoding: try Self.encoder.encode(self), as: UTF8.self)
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }

  private static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }
}

extension SandboxRecord.Field {
  /// The field of a decoded form pair.
  init(_ pair: FormPair) {
    self.init(name: pair.name, value: pair.value)
  }
}
