import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A throwaway certificate authority and server certificates made with `openssl` for one test:
/// a good one for 127.0.0.1 and localhost, one for another host name, and an expired one.
struct TestCertificates {
  let directory: TemporaryDirectory

  /// The CA's certificate, the file `--ca-file` is given.
  var caFile: URL { directory.file("ca.pem") }
  /// The server key every certificate below is issued for.
  var keyFile: URL { directory.file("server.key") }
  /// Valid now, for `IP:127.0.0.1` and `DNS:localhost`.
  var serverCertificate: URL { directory.file("server.pem") }
  /// Valid now, but only for `DNS:crm.example.invalid`.
  var otherHostCertificate: URL { directory.file("other-host.pem") }
  /// For 127.0.0.1, valid for one day in 2020.
  var expiredCertificate: URL { directory.file("expired.pem") }

  /// Makes the CA, the key and the three certificates (elliptic-curve keys: fast to make).
  init() throws {
    let directory = try TemporaryDirectory()
    self.directory = directory
    let file = { (name: String) in directory.file(name).path }
    let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    try run(
      ["req", "-x509"] + curve
        + [
          "-keyout", file("ca.key"), "-out", file("ca.pem"), "-days", "2", "-subj",
          "/CN=Lead console test CA",
        ])
    try run(
      ["req"] + curve
        + ["-keyout", file("server.key"), "-out", file("server.csr"), "-subj", "/CN=127.0.0.1"])
    try directory.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n", to: "local.ext")
    try directory.write("subjectAltName=DNS:crm.example.invalid\n", to: "other.ext")
    for (output, extensions, serial) in [
      ("server.pem", "local.ext", "2"), ("other-host.pem", "other.ext", "3"),
    ] {
      try run([
        "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.pem"), "-CAkey",
        file("ca.key"), "-set_serial", serial, "-days", "2", "-extfile", file(extensions),
        "-out", file(output),
      ])
    }
    // `openssl x509` cannot date a certificate in the past; `openssl ca` can.
    try directory.write(
      """
      [ca]
      default_ca = test
      [test]
      database = \(file("index.txt"))
      new_certs_dir = \(directory.url.path)
      serial = \(file("serial"))
      default_md = sha256
      policy = any
      [any]
      commonName = supplied

      """, to: "ca.cnf")
    try directory.write("", to: "index.txt")
    try directory.write("04\n", to: "serial")
    try run([
      "ca", "-batch", "-notext", "-config", file("ca.cnf"), "-cert", file("ca.pem"), "-keyfile",
      file("ca.key"), "-in", file("server.csr"), "-out", file("expired.pem"), "-extfile",
      file("local.ext"), "-startdate", "20200101000000Z", "-enddate", "20200102000000Z",
    ])
  }

  /// The text of a file made here.
  func text(_ file: URL) throws -> String {
    try String(contentsOf: file, encoding: .utf8)
  }

  /// Runs `openssl`, its output to a file in the directory; waits at most 30 s.
  private func run(_ arguments: [String]) throws {
    let log = directory.file("openssl.log").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = (["openssl"] + arguments).map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, "openssl", &actions, nil, argv, environ)
    guard spawned == 0 else { throw CertificateError(step: arguments[0], detail: "no openssl") }

    let deadline = Date().addingTimeInterval(30)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      guard Date() < deadline else {
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        throw CertificateError(step: arguments[0], detail: "still running after 30 s")
      }
      usleep(5_000)
    }
    guard status == 0 else {
      let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      throw CertificateError(step: arguments.joined(separator: " "), detail: output)
    }
  }
}

/// `openssl` failed while making the test certificates.
struct CertificateError: Error, CustomStringConvertible {
  var step: String
  var detail: String
  var description: String { "openssl \(step) failed: \(detail)" }
}
