// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "gentleman-lead-console",
  products: [
    .executable(name: "lead-console", targets: ["LeadConsole"]),
    .library(name: "LeadCore", targets: ["LeadCore"]),
    .library(name: "LeadUI", targets: ["LeadUI"]),
    .executable(name: "lead-bench", targets: ["LeadBench"]),
  ],
  targets: [
    // C libraries from Debian, each behind its own module map.
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
    .systemLibrary(name: "CMicroHTTPD", path: "Sources/CMicroHTTPD"),
    // Display width of a character, as the terminal measures it (glibc's wcwidth).
    .target(name: "CWidth", path: "Sources/CWidth"),
    // Substring search over bytes (glibc's memmem), for the history filter.
    .target(name: "CBytes", path: "Sources/CBytes"),

    // The client core: leads, validation, encoding, the CRM client, the history log.
    .target(name: "LeadCore", dependencies: ["CCurl", "CBytes"]),
    // The built-in sandbox CRM, on libmicrohttpd.
    .target(name: "LeadSandbox", dependencies: ["LeadCore", "CMicroHTTPD"]),
    // The console's logic: state, keys, layout and rendering into a virtual screen.
    .target(name: "LeadUI", dependencies: ["LeadCore", "CWidth"]),
    // The executable: command line and the curses front end.
    .executableTarget(
      name: "LeadConsole",
      dependencies: ["LeadCore", "LeadSandbox", "LeadUI", "CNcursesw"]
    ),
    // The benchmark suite (`make bench`): generates inputs, times the console against references.
    .executableTarget(name: "LeadBench", dependencies: ["LeadCore", "LeadUI"]),

    .testTarget(
      name: "LeadCoreTests",
      dependencies: ["LeadCore", "LeadSandbox"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "LeadUITests", dependencies: ["LeadUI", "LeadCore"]),
    .testTarget(name: "LeadConsoleTests", dependencies: ["LeadCore", "LeadSandbox"]),
  ],
  swiftLanguageModes: [.v6]
)
