import Foundation
import Testing

@testable import LeadCore

@Suite("Configuration saving")
struct ConfigurationSavingTests {
  @Test func savesKeyAndEndpointPrivatelyAndKeepsOtherSettings() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(
      #"{"operator": "Мария", "timeout": 9, "future_setting": true}"#, to: "config.json")

    try Configuration.saveSettings(
      key: APIKey("NEWKEY-0123456789abcdef"), endpoint: "http://127.0.0.1:9/api/site/", to: file)

    let resolved = try Configuration.resolve(
      keyFlag: nil, endpointFlag: nil, connectTimeoutFlag: nil, timeoutFlag: nil,
      environment: [:], configFile: file)
    #expect(resolved.key == APIKey("NEWKEY-0123456789abcdef"))
    #expect(resolved.endpoint == "http://127.0.0.1:9/api/site/")
    #expect(resolved.operatorName == "Мария")
    #expect(resolved.timeouts.total == 9)
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("future_setting"))
  }

  @Test func createsTheFileAndAPrivateFolderWhenMissing() throws {
    let directory = try TemporaryDirectory()
    let file = directory.url.appendingPathComponent("new/config.json")

    try Configuration.saveSettings(
      key: APIKey("k-0123456789abcdef"), endpoint: CRMClient.defaultEndpoint, to: file)

    let folder = try FileManager.default.attributesOfItem(
      atPath: file.deletingLastPathComponent().path)
    #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    #expect(FileManager.default.fileExists(atPath: file.path))
  }

  @Test func savingOverAFileOthersCouldReadLeavesItPrivate() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(#"{"operator": "Мария"}"#, to: "config.json", mode: 0o644)

    try Configuration.saveSettings(
      key: APIKey("NEWKEY-0123456789abcdef"), endpoint: CRMClient.defaultEndpoint, to: file)

    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let resolved = try Configuration.resolve(
      keyFlag: nil, endpointFlag: nil, connectTimeoutFlag: nil, timeoutFlag: nil,
      environment: [:], configFile: file)
    #expect(resolved.key == APIKey("NEWKEY-0123456789abcdef"))
  }

  @Test func refusesAnEndpointThatIsNotAURLAndWritesNothing() throws {
    let directory = try TemporaryDirectory()
    let file = directory.url.appendingPathComponent("config.json")

    #expect(throws: ConfigurationError.self) {
      try Configuration.saveSettings(key: APIKey("k"), endpoint: "ftp://x", to: file)
    }
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }
}
