import Foundation
import Glibc
import LeadCore
import LeadUI

/// Why a copied request could not be saved to its file.
enum RequestCopyError: Error, Equatable, CustomStringConvertible {
  /// The state folder is missing and cannot be created.
  case cannotCreateFolder(HistoryError)
  /// The file cannot be opened or written.
  case cannotWrite(path: String, reason: String)

  /// What failed and where, in words an operator can act on.
  var description: String { description(in: .english) }

  /// What failed and where, in `language`; the system's reason stays as the system gave it.
  func description(in language: InterfaceLanguage) -> String {
    switch self {
    case .cannotCreateFolder(let error):
      error.description
    case .cannotWrite(let path, let reason):
      language.text(.cannotWriteFile, path, reason)
    }
  }
}

/// Puts a copied request where the operator can paste it: a file readable by the owner only,
/// `last-request.sh` in the console's state folder, and the terminal's clipboard through the
/// OSC 52 sequence (which terminals that refuse it simply ignore).
struct RequestCopier {
  /// The file the request is written to, replacing the previous one.
  let file: URL
  /// The file's path as the status line shows it: under the home folder as `~/…`, so the
  /// part that matters fits an 80-column line.
  let shownPath: String

  /// The largest text offered to the clipboard, in bytes before encoding.
  ///
  /// Limitation: a request over this size goes to the file only. Several terminals drop or
  /// truncate longer OSC 52 sequences; such a request comes from a schema far beyond what an
  /// operator would paste by hand.
  static let clipboardLimit = 74_000

  /// The copier writing to `$XDG_STATE_HOME/gentleman-lead-console/last-request.sh`.
  init(environment: [String: String]) {
    file = Configuration.defaultHistoryFile(environment: environment)
      .deletingLastPathComponent()
      .appendingPathComponent("last-request.sh", isDirectory: false)
    let home = environment["HOME"].map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    if let home, home.count > 1, file.path.hasPrefix(home) {
      shownPath = "~/" + file.path.dropFirst(home.count)
    } else {
      shownPath = file.path
    }
  }

  /// Saves `text` to the file and offers it to the clipboard; answers the event that tells the
  /// operator, in `language`, where it went.
  func copy(_ text: String, language: InterfaceLanguage) -> ConsoleEvent {
    let onClipboard = text.utf8.count <= Self.clipboardLimit
    if onClipboard {
      Self.writeToTerminal("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}")
    }
    do throws(RequestCopyError) {
      try save(text)
    } catch {
      let clipboard = onClipboard ? language.text(.clipboardAfterFailure) : ""
      return .copyFailed(error.description(in: language) + clipboard)
    }
    let clipboard = language.text(onClipboard ? .clipboardOffered : .clipboardTooLong)
    return .copied(language.text(.curlSaved, shownPath, clipboard))
  }

  /// Writes the text with a final line break, creating the folder and the file (mode 0600)
  /// as needed; a file left with wider permissions is narrowed first.
  private func save(_ text: String) throws(RequestCopyError) {
    do {
      try HistoryLog.createPrivateFolder(file.deletingLastPathComponent())
    } catch {
      throw .cannotCreateFolder(error)
    }
    let path = file.path
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    guard fchmod(descriptor, 0o600) == 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
    guard Self.writeAll(bytes, to: descriptor) else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Writes a sequence straight to the terminal, past curses and stdio's buffer, as the
  /// terminal session does for its mode switches.
  private static func writeToTerminal(_ sequence: String) {
    _ = writeAll(Array(sequence.utf8), to: STDOUT_FILENO)
  }

  /// Writes every byte, continuing after short writes and interruptions; false on an error.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 {
        guard errno == EINTR else { return false }
        continue
      }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }
}
