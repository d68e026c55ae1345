import FluentKit
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Two requests creating the same thing at once, and creating what exists
/// elsewhere: a clear 409, never a 500 with the database's words, and no
/// hint of another organisation.
final class DuplicateCreationTests: XCTestCase {
    func testCreatingTheSameUserAtOnceGivesOneCreatedAndClearConflicts() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let body = ["email": "twice@test.example", "password": "a-long-enough-secret", "role": "handler", "unit": "A1"]

            let statuses = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for _ in 0..<6 {
                    group.addTask { let r = try await app.send(.POST, "/api/v1/users", json: body, token: admin); return (r.status, r.text) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            XCTAssertEqual(statuses.filter { $0.0 == .created }.count, 1, "\(statuses)")
            for (status, text) in statuses where status != .created {
                XCTAssertEqual(status, .conflict, text)
                XCTAssertTrue(text.contains("in use already"), text)
            }
        }
    }

    func testADuplicateTheDatabaseRefusesBecomesAConflict() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let unit = world.units["A1"]!
            func user() -> User {
                User(organisationID: unit.organisationID, email: "race@test.example", passwordHash: "x", role: .handler, unitID: unit.id!)
            }
            try await user().create(on: app.db)

            do {
                try await UniqueConflict.guarding(field: "email", message: "taken", exists: { true }) { try await user().create(on: app.db) }
                XCTFail("the unique index refuses the second user")
            } catch let error as FieldError {
                XCTAssertEqual(error.status, .conflict)
                XCTAssertEqual(error.message, "taken")
            }
        }
    }

    func testSettingTheSameReferralTextAtOnceNeverFailsWithAServerError() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "fi", "text": "Versio \(index)"], token: admin).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            XCTAssertTrue(statuses.allSatisfy { $0 == .ok || $0 == .conflict }, "\(statuses)")
            let rows = try await ReferralText.query(on: app.db).count()
            XCTAssertEqual(rows, 1)
        }
    }

    func testAnAddressInUseIsAnsweredAlikeWhateverOrganisationHasIt() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "X", email: "elsewhere@test.example")
            try await world.signIn(app, role: .handler, unit: "B1", email: "here@test.example")
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            func create(_ email: String) async throws -> XCTHTTPResponse {
                try await app.send(.POST, "/api/v1/users", json: ["email": email, "password": "a-long-enough-secret", "role": "handler", "unit": "A1"], token: admin)
            }

            let inOther = try await create("elsewhere@test.example")
            let inOwn = try await create("here@test.example")

            XCTAssertEqual(inOther.status, .conflict)
            XCTAssertEqual(inOther.status, inOwn.status)
            XCTAssertEqual(inOther.object["error"] as? String, inOwn.object["error"] as? String)
            XCTAssertEqual(inOther.object["field"] as? String, "email")
            XCTAssertFalse(inOther.text.contains("organisation"), inOther.text)
        }
    }
}
