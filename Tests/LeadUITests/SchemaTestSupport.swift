import Foundation
import LeadCore
import LeadUI

/// A transport the tests never reach: the console only asks the client for dry runs.
struct UnusedTransport: HTTPTransport {
  func perform(_ request: HTTPRequest, timeouts: Timeouts) async -> TransportResult {
    .failed(requestSent: false, reason: "the console tests never send")
  }
}

/// The client whose dry run the preview shows.
let previewClient = CRMClient(
  endpoint: "http://127.0.0.1:8080/api/site/", key: APIKey("test-key-0123456789abcdef"),
  transport: UnusedTransport())

/// A curl command built from a lead's encoded pairs, one `--data-raw` each, the key masked.
@Sendable func curlCommand(for lead: Lead) -> String {
  let pairs = lead.formPairs(key: previewClient.key).dropFirst().map {
    "  --data-raw '\(FormEncoder.encode([$0]))'"
  }
  let head = ["curl -X POST 'http://127.0.0.1:8080/api/site/'", "  --data-raw 'key=••••cdef'"]
  return (head + pairs).joined(separator: " \\\n")
}

/// A console over a schema, with the preview and curl builders, sized `rows` × `columns`.
func makeConsole(
  schema: Schema, notice: String? = nil, canSend: Bool = true, rows: Int = 24, columns: Int = 80
) -> ConsoleState {
  var state = ConsoleState(
    context: ConsoleContext(
      endpoint: "http://127.0.0.1:8080/api/site/", maskedKey: canSend ? "••••••••cdef" : nil,
      canSend: canSend, timeZone: TimeZone(identifier: "UTC") ?? .current, schema: schema,
      schemaNotice: notice, preview: { previewClient.dryRun(for: $0) },
      curlPreview: curlCommand(for:)))
  _ = state.handle(.resized(rows: rows, columns: columns))
  return state
}

/// The sources a deal can come from: options with labels of their own and a plain one.
let sourceOptions = [
  SelectOption(value: "site", label: "Сайт"), SelectOption(value: "call", label: "Звонок"),
  SelectOption(value: "ad", label: "Реклама"), SelectOption("partner"),
]

/// A schema with one field of every kind the form treats differently.
func sampleSchema() throws -> Schema {
  try Schema(fields: [
    SchemaField(code: "city", label: "Город", hint: "Город клиента, как он его назвал"),
    SchemaField(code: "region", label: "Регион", defaultValue: "Москва"),
    SchemaField(code: "vip", type: .boolean, label: "VIP", defaultValue: "да"),
    SchemaField(code: "budget", group: .deal, type: .number, label: "Budget"),
    SchemaField(
      code: "visit_date", group: .deal, type: .date, label: "Visit date", format: "dd/MM/yyyy"),
    SchemaField(code: "signed_on", group: .deal, type: .date, label: "Signed on"),
    SchemaField(
      code: "source", group: .deal, type: .select(options: sourceOptions), label: "Source"),
    SchemaField(code: "callback", group: .deal, type: .boolean, label: "Call back"),
  ])
}

/// `count` fields, half contact and half deal, of every type in turn; field 137 is the city
/// ("Город") and field 40 the delivery address, the only ones the filter tests look for.
func generatedSchema(count: Int = 300) throws -> Schema {
  let fields = (0..<count).map { index -> SchemaField in
    if index == 137 {
      return SchemaField(code: "city", label: "Город", hint: "Город клиента")
    }
    if index == 40 {
      return SchemaField(code: "delivery_address", type: .text, label: "Delivery address")
    }
    let contact = index < count / 2
    let number = String(format: "%03d", index)
    let types: [FieldType] = [
      .string, .number, .date, .boolean, .select(options: sourceOptions), .text,
    ]
    return SchemaField(
      code: contact ? "c_field_\(number)" : "d_field_\(number)",
      group: contact ? .contact : .deal, type: types[index % types.count],
      label: contact ? "Контактное поле \(number)" : "Поле сделки \(number)")
  }
  return try Schema(fields: fields)
}

extension ConsoleState {
  /// Moves the focus with Tab until the field with `code` has it.
  mutating func focus(code: String) {
    for _ in outline.fields.indices where focusedField.code != code {
      press(.tab)
    }
  }

  /// The extra fields of the lead F2 submits now, or nil when it submits nothing.
  mutating func submittedLead() -> Lead? {
    guard case .submit(let lead)? = press(.function(2)).first else { return nil }
    return lead
  }
}

/// The rows whose cells at `column` are drawn in `role`.
func rows(in screen: ScreenBuffer, column: Int, role: StyleRole) -> [Int] {
  (0..<screen.rows).filter { screen[$0, column].role == role }
}
