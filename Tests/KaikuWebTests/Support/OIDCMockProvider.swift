import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import XCTVapor

/// A real OpenID Connect provider on loopback: `oidc-provider-mock` from
/// PyPI, started as a child process on a free port. Users and their claims
/// are set through its `PUT /users/{sub}`, and its authorization form is
/// answered with a POST, as a person signing in would.
/// A missing package fails the test with the way to install it; nothing is skipped.
final class OIDCMockProvider: @unchecked Sendable {
    struct Unavailable: Error, CustomStringConvertible {
        var problem: String
        var description: String {
            "\(problem)\nThe single sign-on tests need python3 with oidc-provider-mock: run scripts/setup-test-deps.sh"
        }
    }

    let port: Int
    var issuer: String { "http://127.0.0.1:\(port)" }
    private let process: Process
    private let http = HTTPClient(eventLoopGroupProvider: .singleton,
                                  configuration: .init(redirectConfiguration: .disallow))

    /// `arguments` go to the provider, e.g. `["--token-max-age", "5"]`.
    init(arguments: [String] = []) async throws {
        var problem = ""
        for _ in 1...3 {
            let port = try Self.freeLoopbackPort()
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("oidc-mock-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [ProcessInfo.processInfo.environment["PYTHON"] ?? "python3", "-m", "oidc_provider_mock",
                                 "--host", "127.0.0.1", "--port", "\(port)"] + arguments
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            if await Self.answers(http, "http://127.0.0.1:\(port)/.well-known/openid-configuration", while: process) {
                self.port = port
                self.process = process
                return
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            problem = "oidc-provider-mock did not start (exit status \(process.terminationStatus)): "
                + ((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(2_000)
            if process.terminationStatus == 1 || process.terminationStatus == 127 { break }
        }
        try? await http.shutdown()
        throw Unavailable(problem: problem)
    }

    /// uvicorn waits for open connections before it exits, so the client's
    /// kept-alive ones are closed first. The provider holds nothing worth a
    /// graceful end: SIGKILL after half a second, as uvicorn's own shutdown
    /// took five, which across the single sign-on suites was minutes of each run.
    func stop() async {
        try? await http.shutdown()
        if process.isRunning { process.terminate() }
        for _ in 0..<5 where process.isRunning {
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Creates or replaces the provider's user `sub` with these claims.
    func setUser(_ sub: String, claims: [String: Any]) async throws {
        var request = HTTPClientRequest(url: issuer + "/users/" + (sub.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sub))
        request.method = .PUT
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: claims)))
        let response = try await http.execute(request, timeout: .seconds(10))
        guard response.status == .noContent else { throw Unavailable(problem: "PUT /users/\(sub) answered \(response.status)") }
    }

    /// Answers the authorization form at `location` as `sub` and returns where
    /// the provider sends the browser back: Kaiku's callback with code and state.
    func authorize(_ location: String, as sub: String) async throws -> URLComponents {
        var request = HTTPClientRequest(url: location)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: "sub=" + (sub.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sub)))
        let response = try await http.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard (300..<400).contains(Int(response.status.code)), let back = response.headers.first(name: "Location"),
              let components = URLComponents(string: back) else {
            throw Unavailable(problem: "the provider's form answered \(response.status): \(String(buffer: body).prefix(500))")
        }
        return components
    }

    private static func answers(_ http: HTTPClient, _ url: String, while process: Process) async -> Bool {
        for _ in 0..<150 where process.isRunning {
            if let response = try? await http.execute(HTTPClientRequest(url: url), timeout: .seconds(2)), response.status == .ok {
                return true
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    private static func freeLoopbackPort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        return channel.localAddress?.port ?? 0
    }
}
