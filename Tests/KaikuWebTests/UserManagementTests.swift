import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `PATCH /api/v1/users/{id}` and what deactivation does: every field, every
/// refusal (nothing changed), the audit entries, and tokens and sessions
/// that stop at once.
final class UserManagementTests: XCTestCase {
    private typealias UserDTO = UsersController.UserDTO

    func testAnAdministratorChangesRoleUnitAndNameAndTheAuditLogKeepsBeforeAndAfter() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "chief@test.example")
            try await world.signIn(app, role: .handler, unit: "A1", email: "hanna@test.example")
            let id = try await UserFixtures.id(app, "hanna@test.example")

            let changed = try await app.send(.PATCH, "/api/v1/users/\(id)", json: ["role": "supervisor", "unit": "B1", "name": "Hanna Virtánen"],
                                             token: admin)

            XCTAssertEqual(changed.status, .ok, changed.text)
            let user = try changed.json(UserDTO.self)
            XCTAssertEqual([user.role, user.unit, user.name], ["supervisor", "B1", "Hanna Virtánen"])
            XCTAssertTrue(user.active)
            let entries = try await UserFixtures.audit(app, "user.update")
            XCTAssertEqual(entries.count, 1)
            XCTAssertEqual(entries.first?.subject, "hanna@test.example")
            XCTAssertEqual(entries.first?.actor, "chief@test.example")
            XCTAssertEqual(entries.first?.before, #"{"active":true,"invited":false,"role":"handler","unit":"A1"}"#)
            XCTAssertEqual(entries.first?.after, #"{"active":true,"invited":false,"name":"Hanna Virtánen","role":"supervisor","unit":"B1"}"#)

            let cleared = try await app.send(.PATCH, "/api/v1/users/\(id)", json: ["name": ""], token: admin)
            XCTAssertEqual(cleared.object["name"] as? NSNull, NSNull(), "the name is always given, null once removed")
            let unchanged = try await app.send(.PATCH, "/api/v1/users/\(id)", json: ["role": "supervisor"], token: admin)
            XCTAssertEqual(unchanged.status, .ok)
            let updates = try await UserFixtures.audit(app, "user.update")
            XCTAssertEqual(updates.count, 2, "a change to nothing is not recorded")
        }
    }

    func testRefusedChangesNameTheFieldAndChangeNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let branchAdmin = try await world.signIn(app, role: .administrator, unit: "A")
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let otherOrganisation = try await world.signIn(app, role: .administrator, unit: "X")
            try await world.signIn(app, role: .handler, unit: "A1", email: "a1@test.example")
            try await world.signIn(app, role: .handler, unit: "B1", email: "b1@test.example")
            let inside = try await UserFixtures.id(app, "a1@test.example")
            let outside = try await UserFixtures.id(app, "b1@test.example")

            let refusals: [(String?, Any, HTTPStatus, String?)] = [
                (branchAdmin, ["unit": "B1"], .badRequest, "unit"),
                (branchAdmin, ["unit": "X"], .badRequest, "unit"),
                (branchAdmin, ["role": "king"], .badRequest, "role"),
                (branchAdmin, ["name": String(repeating: "n", count: 201)], .badRequest, "name"),
                (branchAdmin, ["name": "Bell\u{7}"], .badRequest, "name"),
                (branchAdmin, ["active": "no"], .badRequest, "active"),
                (branchAdmin, ["role": "supervisor", "unit": "B"], .badRequest, "unit"),
                (supervisor, ["role": "analyst"], .forbidden, nil),
                (otherOrganisation, ["role": "analyst"], .notFound, nil),
                (nil, ["role": "analyst"], .unauthorized, nil),
            ]
            for (token, body, status, field) in refusals {
                let response = try await app.send(.PATCH, "/api/v1/users/\(inside)", json: RawJSON(body), token: token)
                XCTAssertEqual(response.status, status, "\(body): \(response.text)")
                if let field { XCTAssertEqual(response.object["field"] as? String, field, "\(body)") }
            }
            let elsewhere = try await app.send(.PATCH, "/api/v1/users/\(outside)", json: ["role": "analyst"], token: branchAdmin)
            XCTAssertEqual(elsewhere.status, .notFound, "a user outside the subtree is not there for this administrator")
            let nobody = try await app.send(.PATCH, "/api/v1/users/\(UUID())", json: ["role": "analyst"], token: branchAdmin)
            XCTAssertEqual(nobody.status, .notFound)

            for email in ["a1@test.example", "b1@test.example"] {
                let user = try await UserFixtures.user(app, email)
                XCTAssertEqual(user.role, "handler", email)
                XCTAssertNil(user.name, email)
                XCTAssertTrue(user.isActive, email)
            }
            let audited = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(audited, 0)
        }
    }

    func testAnAdministratorCannotDeactivateDemoteOrMoveThemselves() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "A", email: "only-admin@test.example")
            let id = try await UserFixtures.id(app, "only-admin@test.example")

            for (body, field) in [(RawJSON(["active": false]), "active"), (RawJSON(["role": "handler"]), "role"), (RawJSON(["unit": "A1"]), "unit")] {
                let refused = try await app.send(.PATCH, "/api/v1/users/\(id)", json: body, token: admin)
                XCTAssertEqual(refused.status, .conflict, refused.text)
                XCTAssertEqual(refused.object["field"] as? String, field)
                XCTAssertTrue((refused.object["error"] as? String ?? "").contains("another administrator"), refused.text)
            }
            let renamed = try await app.send(.PATCH, "/api/v1/users/\(id)", json: RawJSON(["name": "Aino", "role": "administrator", "unit": "A", "active": true]),
                                             token: admin)

            XCTAssertEqual(renamed.status, .ok, "one's own name, and the role and unit one has, are fine")
            let stillWorks = try await app.send(.GET, "/api/v1/users", token: admin)
            XCTAssertEqual(stillWorks.status, .ok)
        }
    }

    func testDeactivationStopsALiveTokenAndPageSessionAtOnceAndReactivationRestoresSignIn() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let token = try await world.signIn(app, role: .handler, unit: "A1", email: "leaver@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "leaver@test.example")
            let before = try await browser.get("/staff")
            XCTAssertEqual(before.status, .ok)
            let id = try await UserFixtures.id(app, "leaver@test.example")

            let deactivated = try await app.send(.PATCH, "/api/v1/users/\(id)", json: ["active": false], token: admin)

            XCTAssertEqual(deactivated.status, .ok, deactivated.text)
            XCTAssertFalse(try deactivated.json(UserDTO.self).active)
            let apiCall = try await app.send(.GET, "/api/v1/cases", token: token)
            XCTAssertEqual(apiCall.status, .unauthorized)
            let page = try await browser.get("/staff")
            XCTAssertEqual(page.headers.first(name: .location)?.hasPrefix("/staff/login"), true, "the page session ended too")
            let sessions = try await UserToken.query(on: app.db).filter(\.$userID == id).count()
            XCTAssertEqual(sessions, 0, "deleted in the same transaction")
            let rightPassword = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "leaver@test.example", "password": TestWorld.password])
            XCTAssertEqual(rightPassword.status, .forbidden)
            XCTAssertTrue(rightPassword.text.contains("deactivated"), rightPassword.text)
            let wrongPassword = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "leaver@test.example", "password": "not-the-password"])
            let unknown = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "nobody@test.example", "password": "not-the-password"])
            XCTAssertEqual(wrongPassword.status, .unauthorized, "a wrong password answers as for anyone")
            XCTAssertEqual(wrongPassword.text, unknown.text)
            let pageSignIn = try await browser.signIn(email: "leaver@test.example")
            XCTAssertEqual(pageSignIn.status, .forbidden)
            XCTAssertTrue(pageSignIn.text.contains("poistettu käytöstä"), "said in the page's language: \(pageSignIn.text)")
            let audited = try await UserFixtures.audit(app, "user.deactivate")
            XCTAssertEqual(audited.first?.after?.contains(#""active":false"#), true)

            let reactivated = try await app.send(.PATCH, "/api/v1/users/\(id)", json: ["active": true], token: admin)
            XCTAssertTrue(try reactivated.json(UserDTO.self).active)
            let again = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "leaver@test.example", "password": TestWorld.password])
            XCTAssertEqual(again.status, .ok)
            let reactivations = try await UserFixtures.audit(app, "user.reactivate")
            XCTAssertEqual(reactivations.count, 1)
        }
    }

    func testATokenOfAUserDeactivatedInTheDatabaseIsRefused() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .handler, unit: "A1", email: "gone@test.example")
            let user = try await UserFixtures.user(app, "gone@test.example")
            user.deactivatedAt = Date()
            try await user.save(on: app.db)

            let refused = try await app.send(.GET, "/api/v1/cases", token: token)

            XCTAssertEqual(refused.status, .unauthorized, "the authenticator reads the user on every request")
        }
    }

    func testTheListCarriesNameActiveAndInvited() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await app.send(.POST, "/api/v1/users", json: ["email": "new@test.example", "role": "handler", "unit": "A1", "name": "Uusi Käyttäjä"],
                                   token: admin)
            try await world.signIn(app, role: .analyst, unit: "B", email: "off@test.example")
            let off = try await UserFixtures.id(app, "off@test.example")
            _ = try await app.send(.PATCH, "/api/v1/users/\(off)", json: ["active": false], token: admin)

            let list = try await app.send(.GET, "/api/v1/users", token: admin)

            let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: list.body)) as? [[String: Any]])
            let invited = try XCTUnwrap(items.first { $0["email"] as? String == "new@test.example" })
            XCTAssertEqual(invited["name"] as? String, "Uusi Käyttäjä")
            XCTAssertEqual(invited["invited"] as? Bool, true)
            XCTAssertEqual(invited["active"] as? Bool, true)
            let deactivated = try XCTUnwrap(items.first { $0["email"] as? String == "off@test.example" })
            XCTAssertEqual(deactivated["active"] as? Bool, false)
            XCTAssertEqual(deactivated["invited"] as? Bool, false)
            XCTAssertTrue(deactivated["name"] is NSNull, "present, null")
        }
    }

    func testLockUnlockAndEndingSessionsAreAudited() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            try await world.signIn(app, role: .handler, unit: "A1", email: "h@test.example")
            let id = try await UserFixtures.id(app, "h@test.example")

            _ = try await app.send(.POST, "/api/v1/users/\(id)/lock", token: admin)
            _ = try await app.send(.POST, "/api/v1/users/\(id)/unlock", token: admin)
            _ = try await app.send(.DELETE, "/api/v1/users/\(id)/sessions", token: admin)

            let actions = try await AuditEntry.query(on: app.db).sort(\.$at).all().map(\.action)
            XCTAssertEqual(Set(actions), ["user.lock", "user.unlock", "user.sessions-end"])
        }
    }
}
