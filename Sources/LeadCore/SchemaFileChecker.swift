/// Walks the JSON tree of a schema file, collecting every problem with its place, and builds
/// the fields when there are none.
struct SchemaFileChecker {
  /// Members a schema file may hold at the top.
  static let fileMembers = ["fields", "comment"]

  let path: String
  private let sourceMap: SchemaSourceMap
  /// Problems with the byte offset they point at, in the order they were found.
  private var found: [(offset: Int?, problem: SchemaProblem)] = []

  init(path: String, bytes: [UInt8]) {
    self.path = path
    sourceMap = SchemaSourceMap(bytes: bytes)
  }

  /// Every problem, in file order (those without a place first).
  var sortedProblems: [SchemaProblem] {
    found.enumerated()
      .sorted { ($0.element.offset ?? -1, $0.offset) < ($1.element.offset ?? -1, $1.offset) }
      .map(\.element.problem)
  }

  /// The number of problems found so far.
  var problemCount: Int {
    found.count
  }

  /// Records a problem at a byte offset, for the field at `fieldIndex` (from 0) if any.
  mutating func report(
    offset: Int?, fieldIndex: Int? = nil, code: String? = nil, message: String
  ) {
    let position = offset.map { sourceMap.position(of: $0) }
    let problem = SchemaProblem(
      path: path, fieldIndex: fieldIndex.map { $0 + 1 }, code: code, line: position?.line,
      column: position?.column, message: message)
    found.append((offset, problem))
  }

  /// Checks the whole file; the fields when the file is usable, else nil.
  mutating func checkFile(_ root: SchemaJSONValue) -> [SchemaField]? {
    guard let members = root.members else {
      let wrap =
        if case .array = root.kind { "; put the list in {\"fields\": [...]}" } else { "" }
      report(
        offset: root.offset,
        message: "the file must hold an object {\"fields\": [...]}, not \(root.kindDescription)"
          + wrap)
      return nil
    }
    let byName = uniqueMembers(members, allowed: Self.fileMembers, where: "at the top of the file")
    if let comment = byName["comment"] {
      checkComment(comment)
    }
    guard let fieldsMember = byName["fields"] else {
      report(offset: root.offset, message: "the file has no \"fields\" list")
      return nil
    }
    guard case .array(let elements) = fieldsMember.value.kind else {
      report(
        offset: fieldsMember.value.offset,
        message: "\"fields\" must be a list [...], not \(fieldsMember.value.kindDescription)")
      return nil
    }
    guard elements.count <= Schema.maximumFieldCount else {
      report(
        offset: fieldsMember.value.offset,
        message: Schema.tooManyFieldsMessage(elements.count))
      return nil
    }

    let checked = elements.enumerated().map { index, element in
      checkField(element, index: index)
    }
    for (index, message) in SchemaRules.collisionProblems(checked.map(\.code)) {
      report(
        offset: checked[index].codeOffset, fieldIndex: index, code: checked[index].code,
        message: message)
    }
    let fields = checked.compactMap(\.field)
    return fields.count == checked.count ? fields : nil
  }

  /// The members by name, reporting names given twice and names not in `allowed`.
  mutating func uniqueMembers(
    _ members: [SchemaJSONMember], allowed: [String], where place: String,
    fieldIndex: Int? = nil, code: String? = nil
  ) -> [String: SchemaJSONMember] {
    var byName: [String: SchemaJSONMember] = [:]
    for member in members {
      let name = SchemaJSONText.quoted(member.name)
      if byName[member.name] != nil {
        report(
          offset: member.nameOffset, fieldIndex: fieldIndex, code: code,
          message: "\(name) is given twice; JSON readers would silently keep only one")
        continue
      }
      byName[member.name] = member
      guard !allowed.contains(member.name) else { continue }
      let guess = SchemaSpelling.closest(to: member.name, among: allowed, limit: 1).first
      let hint =
        guess.map { "did you mean \"\($0)\"?" }
        ?? "allowed \(place): \(allowed.joined(separator: ", "))"
      report(
        offset: member.nameOffset, fieldIndex: fieldIndex, code: code,
        message: "unknown member \(name) (\(hint))")
    }
    return byName
  }

  /// A `comment` holds text or a list of texts; nothing else, so that a misplaced value is
  /// not hidden in it.
  mutating func checkComment(
    _ member: SchemaJSONMember, fieldIndex: Int? = nil, code: String? = nil
  ) {
    let value = member.value
    switch value.kind {
    case .string:
      return
    case .array(let lines) where lines.allSatisfy({ $0.stringValue != nil }):
      return
    default:
      report(
        offset: value.offset, fieldIndex: fieldIndex, code: code,
        message: "\"comment\" must be text or a list of texts, not \(value.kindDescription)")
    }
  }
}
