import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The name a lead is recorded under when the config names no operator.
public enum OperatorName {
  /// The account's login name from the password database, else `$USER`; nil if neither is known.
  public static func login() -> String? {
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      let text = String(cString: name)
      if !text.isEmpty {
        return text
      }
    }
    if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty {
      return user
    }
    return nil
  }
}
