import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class AuditTrailTests: XCTestCase {
    private struct Settings: Codable, Equatable { var promiseDays: Int; var minimumN: Int }

    func testAChangeIsRecordedWithItsValuesBeforeAndAfterAsSortedJSON() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let at = Date(timeIntervalSince1970: 1_790_000_000)

            try await AuditTrail.record(on: app.db, organisationID: try world.organisation.requireID(), at: at,
                                        actor: .user(try world.organisation.requireID(), email: "admin@example.fi"), action: "settings.update",
                                        subject: "promise", before: Settings(promiseDays: 14, minimumN: 5),
                                        after: Settings(promiseDays: 7, minimumN: 5))
            try await AuditTrail.record(on: app.db, organisationID: try world.organisation.requireID(), at: at.addingTimeInterval(1),
                                        actor: .commandLine, action: "unit.create", subject: "A9",
                                        before: Optional<Settings>.none, after: Settings(promiseDays: 1, minimumN: 1))

            let entries = try await AuditEntry.query(on: app.db).sort(\.$at).all()
            XCTAssertEqual(entries.count, 2)
            XCTAssertEqual(entries[0].actor, "admin@example.fi")
            XCTAssertEqual(entries[0].before, #"{"minimumN":5,"promiseDays":14}"#)
            XCTAssertEqual(entries[0].after, #"{"minimumN":5,"promiseDays":7}"#)
            XCTAssertNil(entries[1].actorID)
            XCTAssertEqual(entries[1].actor, "command line")
            XCTAssertNil(entries[1].before, "a creation has nothing before it")
        }
    }
}
