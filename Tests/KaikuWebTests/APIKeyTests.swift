import FluentKit
import SQLKit
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

    private func visit(_ app: Application, key: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/visits", json: RawJSON([
            "visitId": "K-\(UUID().uuidString.prefix(8))", "time": ISO8601DateFormatter().string(from: Date()), "unit": "A1",
            "phone": "040 123 4567", "language": "fi", "consent": true, "nonDisclosure": false]), headers: ["Authorization": "Bearer \(key)"])
    }

    private func open311(_ app: Application, key: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/open311/v2/requests.json", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                           body: "api_key=\(key)&service_code=t-a1&description=Kiitos")
    }

    func testAKeyIsAllowedOnlyTheScopesItWasIssuedFor() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let feedbackApp = try await APIKeys.issue(name: "Palautesovellus", organisationCode: "test-county", on: app.db)
            let patientSystem = try await APIKeys.issue(name: "Potilastieto", organisationCode: "test-county", scopes: [.visits], on: app.db)
            let both = try await APIKeys.issue(name: "Molemmat", organisationCode: "test-county", scopes: [.open311, .visits], on: app.db)

            let smsByFeedbackApp = try await visit(app, key: feedbackApp)
            let feedbackByPatientSystem = try await open311(app, key: patientSystem)

            XCTAssertEqual(smsByFeedbackApp.status, .forbidden, smsByFeedbackApp.text)
            XCTAssertTrue(smsByFeedbackApp.text.contains("--scope visits"), smsByFeedbackApp.text)
            XCTAssertEqual(feedbackByPatientSystem.status, .forbidden, feedbackByPatientSystem.text)
            let visits = try await Visit.query(on: app.db).count()
            XCTAssertEqual(visits, 0, "nothing was scheduled")
            let answers = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(answers, 0)
            let result1 = try await visit(app, key: patientSystem)
            XCTAssertEqual(result1.status, .accepted)
            let result2 = try await open311(app, key: feedbackApp)
            XCTAssertEqual(result2.status, .ok)
            let result3 = try await visit(app, key: both)
            XCTAssertEqual(result3.status, .accepted)
            let result4 = try await open311(app, key: both)
            XCTAssertEqual(result4.status, .ok)
        }
    }

    func testKeysIssuedBeforeScopesMayOnlyPostFeedback() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            // A row as the table held it before the scopes column: the migration's default decides.
            try await app.db.sql.insert(into: APIClient.schema)
                .columns("id", "organisation_id", "name", "key_hash")
                .values(SQLBind(UUID()), SQLBind(try world.organisation.requireID()), SQLBind("Old app"), SQLBind("0000"))
                .run()

            let old = try await APIClient.query(on: app.db).first()

            XCTAssertEqual(old?.allows(.open311), true)
            XCTAssertEqual(old?.allows(.visits), false)
        }
    }
}
