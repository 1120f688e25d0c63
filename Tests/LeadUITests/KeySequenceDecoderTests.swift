import LeadUI
import Testing

@Suite("KeySequenceDecoder")
struct KeySequenceDecoderTests {
  @Test(
    "decodes what terminals send for the editing keys",
    arguments: [
      ("\u{1B}[1;5D", Key.controlLeft),
      ("\u{1B}[1;5C", .controlRight),
      ("\u{1B}Od", .controlLeft),
      ("\u{1B}Oc", .controlRight),
      ("\u{1B}b", .alt("b")),
      ("\u{1B}f", .alt("f")),
      ("\u{1B}p", .alt("p")),
      ("\u{1B}c", .alt("c")),
      ("\u{1B}\r", .altEnter),
      ("\u{1B}\n", .altEnter),
      ("\u{1F}", .control("_")),
      ("\u{7F}", .backspace),
      ("\u{08}", .backspace),
      ("\u{0B}", .control("k")),
      ("\u{15}", .control("u")),
      ("\u{17}", .control("w")),
      ("\u{19}", .control("y")),
      ("\u{01}", .control("a")),
      ("\u{05}", .control("e")),
      ("\u{07}", .control("g")),
      ("\u{0E}", .control("n")),
      ("\u{0F}", .control("o")),
      ("\r", .enter),
      ("\n", .enter),
      ("\t", .tab),
      ("\u{1B}", .escape),
      ("\u{1B}OP", .function(1)),
      ("\u{1B}OS", .function(4)),
      ("\u{1B}[A", .up),
      ("\u{1B}[B", .down),
      ("\u{1B}[3~", .delete),
      ("\u{1B}[Z", .backTab),
      ("ё", .character("ё")),
    ])
  func decodesOneKey(sent: String, expected: Key) {
    #expect(KeySequenceDecoder.decode(typed: sent) == [expected])
  }

  @Test(
    "sequences for keys the console does not use are dropped, never typed",
    arguments: ["\u{1B}[1;2D", "\u{1B}[1;5A", "\u{1B}[15;5~", "\u{1B}[2~", "\u{1B}[?1049h"])
  func unknownSequencesAreDropped(sent: String) {
    #expect(KeySequenceDecoder.decode(typed: sent).isEmpty)
  }

  @Test("Esc then a pause, then a letter, is Esc and the letter, not Alt with it")
  func escapeThenPauseIsEscape() {
    let keys = KeySequenceDecoder.decode([.scalar(27), .idle, .scalar(0x62), .idle])
    #expect(keys == [.escape, .character("b")])
  }

  @Test("Alt with a Cyrillic letter keeps the letter")
  func altWithCyrillic() {
    #expect(KeySequenceDecoder.decode(typed: "\u{1B}ж") == [.alt("ж")])
  }

  @Test("Esc O then a pause is Alt-O typed by hand")
  func escapeOThenPause() {
    #expect(KeySequenceDecoder.decode(typed: "\u{1B}O") == [.alt("O")])
  }

  @Test("Esc before a key curses decoded is Esc, then the key; before Enter it is Alt-Enter")
  func escapeBeforeDecodedKey() {
    #expect(KeySequenceDecoder.decode([.scalar(27), .key(.up)]) == [.escape, .up])
    #expect(KeySequenceDecoder.decode([.scalar(27), .key(.enter)]) == [.altEnter])
  }

  @Test("a bracketed paste is one key, its line ends made LF, controls dropped")
  func pasteIsOneKey() {
    let sent = "\u{1B}[200~Иван\r\nПетров\rё\u{07}\u{1B}[201~"
    #expect(KeySequenceDecoder.decode(typed: sent) == [.paste("Иван\nПетров\nё")])
  }

  @Test("a paste holding what looks like the start of its end marker keeps it as text")
  func pasteWithEscapeInside() {
    let sent = "\u{1B}[200~a\u{1B}[20b\u{1B}[201~"
    #expect(KeySequenceDecoder.decode(typed: sent) == [.paste("a[20b")])
  }

  @Test("a paste whose end marker never comes is delivered after enough idle reads")
  func pasteWithoutEndMarker() {
    var reads: [TerminalRead] = "\u{1B}[200~8 (999) 123-45-67".unicodeScalars.map {
      .scalar($0.value)
    }
    reads += Array(repeating: .idle, count: KeySequenceDecoder.pasteIdleLimit)
    #expect(KeySequenceDecoder.decode(reads) == [.paste("8 (999) 123-45-67")])
  }

  @Test("C1 controls and lone surrogates are not keys")
  func nonKeys() {
    #expect(KeySequenceDecoder.decode([.scalar(0x9B), .scalar(0xD800), .idle]).isEmpty)
  }
}
