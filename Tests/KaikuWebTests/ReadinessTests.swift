import Foundation
import XCTVapor
@testable import KaikuWeb

/// `/readyz` said 200 while every write failed on a full disk: it now asks
/// the file system beside the embedded database and remembers refused writes.
final class ReadinessTests: XCTestCase {
    func testReadyzIsUnavailableWhenTheDiskBesideTheEmbeddedDatabaseIsFull() async throws {
        let embedded = (ProcessInfo.processInfo.environment["KAIKU_TEST_DATABASE_URL"] ?? "").isEmpty
        try await withApp(adjust: { $0.minimumFreeDiskBytes = .max }) { app in
            let ready = try await app.send(.GET, "/readyz")

            if embedded {
                XCTAssertEqual(ready.status, .serviceUnavailable)
                XCTAssertEqual(ready.object["status"] as? String, "disk full")
            } else {
                // PostgreSQL's disk is the database server's, not this instance's: only the database's answers count.
                XCTAssertEqual(ready.status, .ok, ready.text)
            }
        }
    }

    func testReadyzIsUnavailableForAWhileAfterTheDatabaseRefusedAWrite() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let before = try await app.send(.GET, "/readyz")
            XCTAssertEqual(before.status, .ok)

            await app.kaiku.storeHealth.failed(at: clock.wall.now)
            let failing = try await app.send(.GET, "/readyz")
            clock.advance(by: 11)
            let recovered = try await app.send(.GET, "/readyz")

            XCTAssertEqual(failing.status, .serviceUnavailable)
            XCTAssertEqual(failing.object["status"] as? String, "writes failing")
            XCTAssertEqual(recovered.status, .ok, "ready again by itself once writes stop failing")
        }
    }
}
