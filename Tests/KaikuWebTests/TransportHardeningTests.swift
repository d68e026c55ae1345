import Foundation
import NIOCore
import NIOPosix
import XCTVapor
@testable import KaikuWeb

/// The edges of a request that a probe found loose: the body limit's exact
/// byte, caching of what staff read, and the headers of error pages.
final class TransportHardeningTests: XCTestCase {
    private func body(ofExactly size: Int) throws -> ByteBuffer {
        let empty: [String: Any] = ["target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 5], "openText": ""]
        let overhead = try JSONSerialization.data(withJSONObject: empty).count
        // Spaces pad the JSON to the exact size without making the open text too long.
        let padded = String(data: try JSONSerialization.data(withJSONObject: empty.merging(["openText": "Kiitos"]) { $1 }), encoding: .utf8)!
        let spaces = String(repeating: " ", count: size - overhead - 6)
        let text = padded.replacingOccurrences(of: "\"openText\":\"Kiitos\"", with: "\"openText\":\"Kiitos\"" + spaces)
        XCTAssertEqual(text.utf8.count, size)
        return ByteBuffer(string: text)
    }

    func testABodyOfExactly64KiBIsTakenAndOneByteMoreIsNot() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let tester = try app.testable(method: .running(port: 0))
            let headers: HTTPHeaders = ["Content-Type": "application/json"]

            let exact = try await tester.sendRequest(.POST, "/api/v1/responses", headers: headers, body: try body(ofExactly: 65_536))
            let over = try await tester.sendRequest(.POST, "/api/v1/responses", headers: headers, body: try body(ofExactly: 65_537))

            XCTAssertEqual(exact.status, .created, exact.body.string)
            XCTAssertEqual(over.status, .payloadTooLarge)
        }
    }

    func testWhatStaffReadIsNeverCachedAndPublicFiguresMayBe() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .handler, unit: "A")
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["wantsAnswer": true, "contact": ["email": "a@example.org"]])
            let cases = try await app.send(.GET, "/api/v1/cases?receipt=\(receipt.receipt)", token: token)
            let id = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(cases.text.utf8)) as? [[String: Any]])?.first?["id"] as? String)

            let detail = try await app.send(.GET, "/api/v1/cases/\(id)", token: token)
            let staffPage = try await app.send(.GET, "/staff/login")
            let figures = try await app.send(.GET, "/api/v1/public/units/A/figures")

            XCTAssertEqual(detail.headers.first(name: .cacheControl), "no-store")
            XCTAssertEqual(cases.headers.first(name: .cacheControl), "no-store")
            XCTAssertEqual(staffPage.headers.first(name: .cacheControl), "no-store")
            XCTAssertEqual(figures.headers.first(name: .cacheControl), "public, max-age=60")
        }
    }

    func testErrorPagesCarryTheSecurityHeaders() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)

            let missingPage = try await app.send(.GET, "/f/no-such-target", headers: ["Accept": "text/html"])
            let missingAPI = try await app.send(.GET, "/api/v1/nothing-here")

            XCTAssertEqual(missingPage.status, .notFound)
            XCTAssertNotNil(missingPage.headers.first(name: "Content-Security-Policy"))
            for response in [missingPage, missingAPI] {
                XCTAssertEqual(response.headers.first(name: "X-Content-Type-Options"), "nosniff")
                XCTAssertEqual(response.headers.first(name: "Referrer-Policy"), "no-referrer")
            }
        }
    }

    func testServeRunsInProductionUnlessToldOtherwise() {
        XCTAssertEqual(KaikuCommandLine.environmentName(verb: "serve", arguments: ["kaiku", "serve"], variables: [:]), "production")
        XCTAssertEqual(KaikuCommandLine.environmentName(verb: "serve", arguments: ["kaiku", "serve", "--env", "development"], variables: [:]), nil)
        XCTAssertEqual(KaikuCommandLine.environmentName(verb: "serve", arguments: ["kaiku", "serve"], variables: ["VAPOR_ENV": "testing"]), nil)
        XCTAssertEqual(KaikuCommandLine.environmentName(verb: "demo", arguments: ["kaiku", "demo"], variables: [:]), nil)
    }
}

/// Half-sent requests were held open for minutes: a connection that sends
/// nothing for the idle timeout is closed by the server.
final class IdleConnectionTests: XCTestCase {
    func testAConnectionThatStopsInTheMiddleOfItsHeadIsClosed() async throws {
        try await withApp(adjust: { $0.idleTimeout = 1 }) { app in
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
            let channel = try await ClientBootstrap(group: app.eventLoopGroup).connect(host: "127.0.0.1", port: port).get()
            let started = Date()

            try await channel.writeAndFlush(ByteBuffer(string: "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")).get()
            // Never wait for ever: ten seconds at most.
            while channel.isActive, Date().timeIntervalSince(started) < 10 {
                try await Task.sleep(nanoseconds: 100_000_000)
            }

            XCTAssertFalse(channel.isActive, "the server closes a connection whose head stopped coming")
            XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.5, "not before the idle timeout")
            await app.server.shutdown()
        }
    }
}
