import LeadUI
import Testing

/// Two words of one kind of text, and what each editing key leaves of "first second".
struct WordPair: Sendable, CustomTestStringConvertible {
  var kind: String
  var first: String
  var second: String
  /// Characters (grapheme clusters) in `first`.
  var firstCount: Int

  var text: String { first + " " + second }
  var testDescription: String { kind }

  static let all: [WordPair] = [
    WordPair(kind: "Cyrillic with ё", first: "Пётр", second: "Ёлкин", firstCount: 4),
    WordPair(kind: "Latin, precomposed accents", first: "Café", second: "Noël", firstCount: 4),
    WordPair(
      kind: "Latin, base plus combining mark", first: "Cafe\u{301}", second: "Noe\u{308}l",
      firstCount: 4),
    WordPair(kind: "CJK", first: "北京", second: "市场", firstCount: 2),
    WordPair(kind: "digits of a phone", first: "912", second: "3456789", firstCount: 3),
  ]
}

@Suite("TextField editing")
struct TextFieldEditingTests {
  @Test("Ctrl-W at the end cuts the last word and leaves the space", arguments: WordPair.all)
  func cutWordBackward(pair: WordPair) {
    var field = TextField(pair.text)
    #expect(field.cutWordBackward() == pair.second)
    #expect(field.value == pair.first + " ")
    #expect(field.cursor == pair.firstCount + 1)
    #expect(field.cutWordBackward() == pair.first + " ")
    #expect(field.value.isEmpty)
  }

  @Test("word left and right stop at the edges of words", arguments: WordPair.all)
  func wordMoves(pair: WordPair) {
    var field = TextField(pair.text)
    field.moveWordLeft()
    #expect(field.cursor == pair.firstCount + 1)
    field.moveWordLeft()
    #expect(field.cursor == 0)
    field.moveWordLeft()
    #expect(field.cursor == 0)
    field.moveWordRight()
    #expect(field.cursor == pair.firstCount)
    field.moveWordRight()
    #expect(field.cursor == pair.text.count)
  }

  @Test("Ctrl-K and Ctrl-U cut around the cursor", arguments: WordPair.all)
  func cutToEndAndStart(pair: WordPair) {
    var field = TextField(pair.text)
    field.moveToStart()
    field.moveWordRight()
    #expect(field.cutToEnd() == " " + pair.second)
    #expect(field.value == pair.first)
    field.moveLeft()
    #expect(field.cutToStart() == String(pair.first.dropLast()))
    #expect(field.value == String(pair.first.last.map { String($0) } ?? ""))
    #expect(field.cursor == 0)
  }

  @Test("emoji and flags separate words and are cut whole")
  func emojiAreSeparators() {
    var field = TextField("звонок👨‍👩‍👧🇷🇺ok")
    #expect(field.cutWordBackward() == "ok")
    #expect(field.value == "звонок👨‍👩‍👧🇷🇺")
    field.moveToStart()
    field.moveWordRight()
    #expect(field.cursor == 6)
    field.moveWordRight()
    #expect(field.cursor == 8)
    #expect(field.cutWordBackward() == "звонок👨‍👩‍👧🇷🇺")
    field = TextField("a 👩‍💻")
    field.moveLeft()
    #expect(field.cursor == 2)
    #expect(field.cutToEnd() == "👩‍💻")
    #expect(field.value == "a ")
  }

  @Test("a run of typing is undone in one step, a paste and a cut in one each")
  func undoSteps() {
    var field = TextField()
    for character in "Иван" { field.type(String(character)) }
    field.type(" ")
    field.insert("Петров")
    field.cutWordBackward()
    #expect(field.value == "Иван ")

    var undone = [field.undo()]
    #expect(field.value == "Иван Петров")
    undone.append(field.undo())
    #expect(field.value == "Иван ")
    undone.append(field.undo())
    #expect(field.value.isEmpty)
    #expect(field.cursor == 0)
    undone.append(field.undo())
    #expect(undone == [true, true, true, false])
  }

  @Test("a cursor move ends a typing run; erasing runs are steps of their own")
  func undoRunsEndAtMoves() {
    var field = TextField()
    for character in "ab" { field.type(String(character)) }
    field.moveLeft()
    field.type("X")
    field.moveToEnd()
    field.deleteBackward()
    field.deleteBackward()
    #expect(field.value == "a")

    field.undo()
    #expect(field.value == "aXb")
    #expect(field.cursor == 3)
    field.undo()
    #expect(field.value == "ab")
    #expect(field.cursor == 1)
    field.undo()
    #expect(field.value.isEmpty)
  }

  @Test("undo keeps at most its depth of steps")
  func undoDepthIsBounded() {
    var field = TextField()
    for index in 0..<150 {
      field.insert("\(index % 10)")
    }
    var steps = 0
    while field.undo() { steps += 1 }
    #expect(steps == 100)
    #expect(field.value.count == 50)
  }

  @Test("two fields with the same text and cursor are equal whatever their undo history")
  func equalityIgnoresHistory() {
    var typed = TextField()
    for character in "Пётр" { typed.type(String(character)) }
    var pasted = TextField()
    pasted.insert("Пётр")
    pasted.insert("x")
    pasted.deleteBackward()
    #expect(typed == pasted)
  }
}
