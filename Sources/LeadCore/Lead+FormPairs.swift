extension Lead {
  /// The form pairs to send: `key` first, the base fields in the vendor's order, then extras.
  ///
  /// Empty fields are left out so the CRM sees only what was typed; `key` is always present so an
  /// empty key reaches the CRM as its documented error 100 rather than as a missing field.
  public func formPairs(key: APIKey) -> [FormPair] {
    var pairs = [FormPair(name: "key", value: key.value)]
    for field in BaseField.wireOrder where !self[field].isEmpty {
      pairs.append(FormPair(name: field.code, value: self[field]))
    }
    for extra in extraFields where !extra.value.isEmpty {
      pairs.append(FormPair(name: extra.code, value: extra.value))
    }
    return pairs
  }
}
