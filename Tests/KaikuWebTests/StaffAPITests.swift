import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class StaffAPITests: XCTestCase {
    func testSignInWithWrongPasswordIsRefused() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A", email: "h@test.example")
            let response = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "h@test.example", "password": "wrong-password-123"])
            XCTAssertEqual(response.status, .unauthorized)
            let unknown = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "nobody@test.example", "password": "wrong-password-123"])
            XCTAssertEqual(unknown.status, .unauthorized)
        }
    }

    func testStaffRoutesNeedAValidUnexpiredToken() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            for path in ["/api/v1/units", "/api/v1/responses", "/api/v1/reports/summary"] {
                let anonymous = try await app.send(.GET, path)
                XCTAssertEqual(anonymous.status, .unauthorized, path)
                let forged = try await app.send(.GET, path, token: "not-a-real-token")
                XCTAssertEqual(forged.status, .unauthorized, path)
                let signedIn = try await app.send(.GET, path, token: token)
                XCTAssertEqual(signedIn.status, .ok, path)
            }
            clock.advance(by: 13 * 3600)
            let expired = try await app.send(.GET, "/api/v1/units", token: token)
            XCTAssertEqual(expired.status, .unauthorized)
        }
    }

    func testUnitsListsOwnOrganisationWithParents() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .handler, unit: "A")
            let units = try await app.send(.GET, "/api/v1/units?lang=en", token: token).json([UnitsController.UnitDTO].self)
            let parents = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.parent) })
            XCTAssertEqual(Set(parents.keys), ["ROOT", "A", "A1", "A2", "B", "B1"], "another organisation's units never show")
            XCTAssertEqual(parents["ROOT"], .some(nil))
            XCTAssertEqual(parents["A1"], "A")
            XCTAssertEqual(units.first { $0.code == "B1" }?.name, "Unit B1")
            XCTAssertLessThan(units.firstIndex { $0.code == "A" }!, units.firstIndex { $0.code == "A1" }!)
        }
    }

    func testResponseIsVisibleOnlyInsideTheCallersSubtree() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let inside = try await TestWorld.submit(app, target: "t-a1", nps: 4, extra: ["openText": "Soita 0401234567"])
            let outside = try await TestWorld.submit(app, target: "t-b1", nps: 4)
            let otherOrganisation = try await TestWorld.submit(app, target: "t-x", nps: 4)
            let token = try await world.signIn(app, role: .handler, unit: "A")

            let seen = try await app.send(.GET, "/api/v1/responses/\(inside.id)", token: token)
            XCTAssertEqual(seen.status, .ok)
            let dto = try seen.json(ResponseDTO.self)
            XCTAssertEqual(dto.target, "t-a1")
            XCTAssertEqual(dto.unit, "A1")
            XCTAssertEqual(dto.answers["nps"], .some(4))
            XCTAssertEqual(dto.openText, "Soita [PHONE]")
            XCTAssertEqual(dto.maskedKinds, ["phone"])
            for hidden in [outside.id, otherOrganisation.id, UUID()] {
                let response = try await app.send(.GET, "/api/v1/responses/\(hidden)", token: token)
                XCTAssertEqual(response.status, .notFound)
            }
        }
    }

    func testResponsesCanBeFoundByReceipt() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let first = try await TestWorld.submit(app, target: "t-a1", nps: 8)
            _ = try await TestWorld.submit(app, target: "t-a2", nps: 9)
            let token = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let found = try await app.send(.GET, "/api/v1/responses?receipt=\(first.receipt.lowercased())", token: token).json([ResponseDTO].self)
            XCTAssertEqual(found.map(\.id), [first.id])
            let all = try await app.send(.GET, "/api/v1/responses?unit=A", token: token).json([ResponseDTO].self)
            XCTAssertEqual(all.count, 2)
            let bad = try await app.send(.GET, "/api/v1/responses?limit=0", token: token)
            XCTAssertEqual(bad.status, .badRequest)
        }
    }

    func testAdministratorCreatesUsersInsideTheirSubtree() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let created = try await app.send(.POST, "/api/v1/users", json: ["email": "New.Handler@Test.Example", "password": "a-long-enough-secret", "role": "handler", "unit": "A1"], token: admin)
            XCTAssertEqual(created.status, .created, created.text)
            XCTAssertNotNil(try created.json(UsersController.CreatedUser.self).id)
            let signIn = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "new.handler@test.example", "password": "a-long-enough-secret"])
            XCTAssertEqual(signIn.status, .ok)

            let cases: [([String: String], HTTPStatus, String)] = [
                (["email": "new.handler@test.example", "password": "a-long-enough-secret", "role": "handler", "unit": "A1"], .conflict, "email"),
                (["email": "x@test.example", "password": "short", "role": "handler", "unit": "A1"], .badRequest, "password"),
                (["email": "x@test.example", "password": "a-long-enough-secret", "role": "king", "unit": "A1"], .badRequest, "role"),
                (["email": "x@test.example", "password": "a-long-enough-secret", "role": "handler", "unit": "X"], .badRequest, "unit"),
                (["email": "not-an-email", "password": "a-long-enough-secret", "role": "handler", "unit": "A1"], .badRequest, "email"),
            ]
            for (body, status, field) in cases {
                let response = try await app.send(.POST, "/api/v1/users", json: body, token: admin)
                XCTAssertEqual(response.status, status, "\(body)")
                XCTAssertEqual(response.object["field"] as? String, field)
            }
        }
    }

    func testOnlyAdministratorsCreateUsers() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let response = try await app.send(.POST, "/api/v1/users", json: ["email": "y@test.example", "password": "a-long-enough-secret", "role": "handler", "unit": "A1"], token: supervisor)
            XCTAssertEqual(response.status, .forbidden)
        }
    }

    func testAdministratorCannotCreateUsersOutsideTheirSubtree() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "A")
            let response = try await app.send(.POST, "/api/v1/users", json: ["email": "z@test.example", "password": "a-long-enough-secret", "role": "administrator", "unit": "ROOT"], token: admin)
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertEqual(response.object["field"] as? String, "unit")
        }
    }
}
