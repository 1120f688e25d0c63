extension CRMClient {
  /// The request as a multi-line `curl` command, one `--data-raw` per field carrying that
  /// field's exact encoded pair (so curl sends the same bytes), the key masked. Admins paste it
  /// to check a mapping by hand, putting the real key in.
  ///
  /// Every encoded pair holds only letters, digits and `-_.%+=`, and the masked key only its
  /// mask and tail, so single quotes are enough for any shell.
  public func curlCommand(for lead: Lead) -> String {
    let others = lead.formPairs(key: key).dropFirst().map { FormEncoder.encode([$0]) }
    let pairs = ["key=\(key.masked)"] + others
    let method = method == .get ? "-G" : "-X POST"
    let lines = ["curl -sS \(method) '\(endpoint)'"] + pairs.map { "  --data-raw '\($0)'" }
    return lines.joined(separator: " \\\n")
  }
}
