extension ConsoleState {
  /// The language the console's words are in, as the context chose it at start-up.
  public var language: InterfaceLanguage { context.language }

  /// The text of `key` in the console's language, `%1`, `%2`, … filled with `arguments`.
  func text(_ key: UIString, _ arguments: String...) -> String {
    UIText.text(key, in: language, arguments: arguments)
  }

  /// The form of a counted text that `count` takes in the console's language.
  func text(_ keys: PluralKeys, count: Int, _ arguments: String...) -> String {
    UIText.text(
      language.pluralKey(keys, count: count), in: language, arguments: [String(count)] + arguments)
  }
}
