import LeadUI
import Testing

@Suite("LineDrawing")
struct LineDrawingTests {
  /// `acsc` of terminfo's vt100, linux and xterm-256color entries, as `tput acsc` prints them.
  static let vt100 = "``aaffggjjkkllmmnnooppqqrrssttuuvvwwxxyyzz{{||}}~~"
  static let linux = "++,,--..00``aaffgghhiijjkkllmmnnooppqqrrssttuuvvwwxxyyzz{{||}}~~"
  static let xterm = "``aaffggiijjkkllmmnnooppqqrrssttuuvvwwxxyyzz{{||}}~~"

  @Test("terminals that list the lines draw them as their own", arguments: [vt100, linux, xterm])
  func ownLines(acsc: String) {
    let drawing = LineDrawing(acsc: acsc, canSwitchCharacterSet: true)
    #expect(drawing.glyph(for: "─") == .horizontalLine)
    #expect(drawing.glyph(for: "│") == .verticalLine)
    #expect(drawing.glyph(for: "┃") == .verticalLine)
    #expect(drawing.glyph(for: "┌") == .ascii("+"))
  }

  @Test(
    "without acsc, without a way to switch, or without a line, it falls back to ASCII",
    arguments: [
      (nil, true), ("", true), (vt100, false), ("qqaa", true), ("xx", true),
    ] as [(String?, Bool)])
  func asciiFallback(acsc: String?, canSwitch: Bool) {
    let drawing = LineDrawing(acsc: acsc, canSwitchCharacterSet: canSwitch)
    let horizontal = drawing.glyph(for: "─")
    let vertical = drawing.glyph(for: "│")
    #expect(horizontal == .ascii("-") || (acsc?.contains("q") == true && canSwitch))
    #expect(vertical == .ascii("|") || (acsc?.contains("x") == true && canSwitch))
    #expect(LineDrawing.ascii.glyph(for: "┃") == .ascii("#"))
    #expect(LineDrawing.ascii.glyph(for: "┼") == .ascii("+"))
  }

  @Test(
    "text that is not a box line is left alone",
    arguments: ["a", "q", "x", "|", "-", "…", "•", "Ё", "中", "│a", "", "e\u{301}"])
  func notALine(grapheme: String) {
    #expect(LineDrawing(acsc: Self.vt100, canSwitchCharacterSet: true).glyph(for: grapheme) == nil)
    #expect(LineDrawing.ascii.glyph(for: grapheme) == nil)
  }

  @Test func everyBoxCharacterThePanesDrawHasAnASCIIStandIn() {
    for line in ["─", "━", "│", "┃", "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼"] {
      guard case .ascii(let character)? = LineDrawing.ascii.glyph(for: line) else {
        Issue.record("no ASCII stand-in for \(line)")
        continue
      }
      #expect(character.isASCII && "+-|#".contains(character))
    }
  }
}
