import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class APIKeyTests: XCTestCase {
    func testIssuedKeyIsStoredOnlyAsAHashAndIdentifiesItsOrganisation() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let key = try await APIKeys.issue(name: "Palautesovellus", organisationCode: "test-county", on: app.db)
            XCTAssertTrue(key.hasPrefix("kaiku_"))
            XCTAssertGreaterThanOrEqual(key.count, 40)
            let stored = try await APIClient.query(on: app.db).all()
            XCTAssertEqual(stored.count, 1)
            XCTAssertNotEqual(stored[0].keyHash, key)
            XCTAssertFalse(stored[0].keyHash.contains(key))
            let client = try await APIKeys.client(forKey: key, on: app.db)
            XCTAssertEqual(client?.organisationID, world.organisation.id)
            let wrong = try await APIKeys.client(forKey: key + "x", on: app.db)
            XCTAssertNil(wrong)
        }
    }

    func testOrganisationMustBeNamedWhenSeveralShareTheInstallation() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            do {
                _ = try await APIKeys.issue(name: "App", organisationCode: nil, on: app.db)
                XCTFail("two organisations: the key's organisation must be named")
            } catch let error as APIKeys.IssueError {
                XCTAssertEqual(error, .severalOrganisations(["other-county", "test-county"]))
            }
            do {
                _ = try await APIKeys.issue(name: "App", organisationCode: "nowhere", on: app.db)
                XCTFail("unknown organisation")
            } catch let error as APIKeys.IssueError {
                XCTAssertEqual(error, .unknownOrganisation("nowhere"))
            }
            let count = try await APIClient.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testRevokedKeyNoLongerIdentifiesAClient() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let key = try await APIKeys.issue(name: "Old app", organisationCode: "other-county", on: app.db)
            let client = try await APIClient.query(on: app.db).first()
            client?.revokedAt = Date()
            try await client?.save(on: app.db)
            let found = try await APIKeys.client(forKey: key, on: app.db)
            XCTAssertNil(found)
        }
    }
}
