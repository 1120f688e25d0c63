// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the console's parsers, kept apart from the main package so its normal
// build and tests never link them. Build and run them with `make fuzz` or `make fuzz-smoke`
// (see the README's Fuzzing section for the exact flags).
let core = Target.Dependency.product(name: "LeadCore", package: "gentleman-lead-console")

let package = Package(
  name: "lead-console-fuzz",
  dependencies: [.package(name: "gentleman-lead-console", path: "..")],
  targets: [
    // The CRM answer parser: any status, headers and body bytes.
    .executableTarget(name: "FuzzAnswerClassifier", dependencies: [core]),
    // The schema loader, from the file's bytes.
    .executableTarget(name: "FuzzSchemaLoader", dependencies: [core]),
    // The history log reader and its compaction, on a scratch file.
    .executableTarget(name: "FuzzHistoryLog", dependencies: [core]),
    // The form encoder against the decoder with PHP's rules.
    .executableTarget(name: "FuzzFormEncoding", dependencies: [core]),
  ],
  swiftLanguageModes: [.v6]
)
