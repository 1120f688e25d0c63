import Foundation
import LeadCore

/// The history filter outside the console: the `jq` program a user would write to pick the
/// same leads from the log, the in-process filter used when the console's CLI cannot list ids,
/// and the comparison of two answers.
enum FilterReference {
  /// A `jq` program taking `$q` (the query as typed) and printing the id of every lead the
  /// history pane's filter shows for it, whatever its state.
  ///
  /// It applies the pane's rules: text folded to lower case (Cyrillic by code point, since
  /// `ascii_downcase` leaves it alone) with ё read as е; the query found in "first last",
  /// "last first" (only for a query with a space), the e-mail or the phone's digits; a query
  /// of digits, spaces and `+ - ( )` also by its digits within the phone's digits (an 11-digit
  /// phone's leading 8 read as 7), typed with the trunk 8 as the start of a stored 7…, and
  /// without digits matching any lead with a phone.
  static let jqProgram = #"""
    def fold: explode
      | map(if . >= 65 and . <= 90 then . + 32
            elif . >= 1040 and . <= 1071 then . + 32
            elif . >= 1024 and . <= 1039 then . + 80
            else . end
            | if . == 1105 then 1077 else . end)
      | implode;
    def digits: [explode[] | select(. >= 48 and . <= 57)] | implode;
    def phone_digits: digits | if length == 11 and startswith("8") then "7" + .[1:] else . end;
    ($q | gsub("^\\s+|\\s+$"; "")) as $typed
    | ($typed | fold) as $t
    | ($typed | test("^[ +()0-9-]*$")) as $phone_like
    | (if $phone_like then ($typed | digits) else "" end) as $d
    | select(.type == "queued" or .type == "compacted")
    | (.lead.first_name // "" | fold) as $first
    | (.lead.last_name // "" | fold) as $last
    | (.lead.phone // "" | phone_digits) as $p
    | select(
        ($first + " " + $last | contains($t))
        or (($t | contains(" ")) and ($last + " " + $first | contains($t)))
        or (.lead.email // "" | fold | contains($t))
        or ($p | contains($t))
        or ($phone_like and $d == "" and $p != "")
        or ($d != "" and ($p | contains($d)))
        or (($d | startswith("8")) and ($p | startswith("7" + $d[1:])))
      )
    | .id
    """#

  /// The ids the pane's filter shows for `query` over every state, newest first, computed
  /// in process with the core's index: the stand-in for `lead-console history --filter --ids`
  /// where the CLI lacks it.
  static func ids(log: URL, query: String) -> [String] {
    let index = HistoryIndex.build(url: log).index
    return index.matches(query: query, states: Set(LeadState.allCases)).map {
      index.id(at: Int($0)).rawValue
    }
  }

  /// How two lists of ids compare as sets, in words for the table's notes.
  struct Comparison {
    var ours: Int
    var reference: Int
    var onlyOurs: [String]
    var onlyReference: [String]

    var isSame: Bool { onlyOurs.isEmpty && onlyReference.isEmpty }

    init(ours: [String], reference: [String]) {
      let ourSet = Set(ours)
      let referenceSet = Set(reference)
      self.ours = ourSet.count
      self.reference = referenceSet.count
      onlyOurs = ourSet.subtracting(referenceSet).sorted()
      onlyReference = referenceSet.subtracting(ourSet).sorted()
    }

    var text: String {
      if isSame { return "the same \(ours) lead ids" }
      return "DIFFERENT ids: this project \(ours), reference \(reference); only ours "
        + "\(onlyOurs.count) (e.g. \(onlyOurs.prefix(3).joined(separator: ", "))), only the "
        + "reference's \(onlyReference.count) (e.g. "
        + "\(onlyReference.prefix(3).joined(separator: ", ")))"
    }
  }

  /// The non-empty lines of a file.
  static func lines(of url: URL) -> [String] {
    guard let data = try? Data(contentsOf: url) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
