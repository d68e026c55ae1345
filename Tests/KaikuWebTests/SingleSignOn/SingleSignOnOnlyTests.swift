import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// An organisation that signs its staff in through its identity provider turns passwords off for
/// everyone but its break-glass administrators — and cannot shut itself out doing so.
final class SingleSignOnOnlyTests: XCTestCase {
    private let idp = InProcessOIDCProvider()

    func testPasswordsGoOffOnlyWithSingleSignOnAndABreakGlassAdministrator() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let withoutProvider = try await app.send(.PATCH, "/api/v1/organisation", json: ["singleSignOnOnly": true], token: admin)

            XCTAssertEqual(withoutProvider.status, .badRequest)
            XCTAssertEqual(withoutProvider.object["field"] as? String, "singleSignOnOnly")
        }
        try await withSingleSignOn { app, world, admin, adminID in
            let withoutBreakGlass = try await app.send(.PATCH, "/api/v1/organisation", json: ["singleSignOnOnly": true], token: admin)
            XCTAssertEqual(withoutBreakGlass.status, .badRequest)
            XCTAssertTrue((withoutBreakGlass.object["error"] as? String ?? "").contains("break-glass"))

            let marked = try await app.send(.PATCH, "/api/v1/users/\(adminID)", json: ["breakGlass": true], token: admin)
            XCTAssertEqual(marked.status, .ok, marked.text)
            XCTAssertEqual(marked.object["breakGlass"] as? Bool, true)
            let turnedOn = try await app.send(.PATCH, "/api/v1/organisation", json: ["singleSignOnOnly": true], token: admin)
            XCTAssertEqual(turnedOn.status, .ok, turnedOn.text)
            XCTAssertEqual(turnedOn.object["singleSignOnOnly"] as? Bool, true)
        }
    }

    func testOnceOnOnlyBreakGlassAdministratorsSignInWithAPassword() async throws {
        try await withSingleSignOn { app, world, admin, adminID in
            let handlerEmail = "handler-a@test.example"
            _ = try await world.signIn(app, role: .handler, unit: "A", email: handlerEmail)
            _ = try await app.send(.PATCH, "/api/v1/users/\(adminID)", json: ["breakGlass": true], token: admin)
            _ = try await app.send(.PATCH, "/api/v1/organisation", json: ["singleSignOnOnly": true], token: admin)
            let adminUser = try await User.find(adminID, on: app.db)
            let adminEmail = try XCTUnwrap(adminUser?.email)

            let handlerToken = try await app.send(.POST, "/api/v1/auth/token", json: ["email": handlerEmail, "password": TestWorld.password])
            let handlerPage = try await StaffBrowser(app).signIn(email: handlerEmail, password: TestWorld.password)
            let adminToken = try await app.send(.POST, "/api/v1/auth/token", json: ["email": adminEmail, "password": TestWorld.password])
            let wrongPassword = try await app.send(.POST, "/api/v1/auth/token", json: ["email": handlerEmail, "password": "not-the-password"])

            XCTAssertEqual(handlerToken.status, .forbidden)
            XCTAssertTrue((handlerToken.object["error"] as? String ?? "").contains("single sign-on"))
            XCTAssertEqual(handlerPage.status, .forbidden)
            XCTAssertTrue(handlerPage.text.contains("organisaation tunnuksella"), "the page points to the provider's button")
            XCTAssertEqual(adminToken.status, .ok, "the break-glass administrator still gets in")
            XCTAssertEqual(wrongPassword.status, .unauthorized, "a wrong password says nothing about the policy")
        }
    }

    func testTheLastBreakGlassAdministratorStaysOneAndOnlyAdministratorsCanBeOne() async throws {
        try await withSingleSignOn { app, world, admin, adminID in
            _ = try await world.signIn(app, role: .handler, unit: "A", email: "handler-b@test.example")
            _ = try await app.send(.PATCH, "/api/v1/users/\(adminID)", json: ["breakGlass": true], token: admin)
            _ = try await app.send(.PATCH, "/api/v1/organisation", json: ["singleSignOnOnly": true], token: admin)
            let found = try await User.query(on: app.db).filter(\.$email == "handler-b@test.example").first()
            let handler = try XCTUnwrap(found)

            let unmarked = try await app.send(.PATCH, "/api/v1/users/\(adminID)", json: ["breakGlass": false], token: admin)
            let handlerMarked = try await app.send(.PATCH, "/api/v1/users/\(try handler.requireID())", json: ["breakGlass": true], token: admin)

            XCTAssertEqual(unmarked.status, .conflict)
            XCTAssertEqual(unmarked.object["field"] as? String, "breakGlass")
            XCTAssertEqual(handlerMarked.status, .badRequest)
            let stored = try await User.find(adminID, on: app.db)
            XCTAssertEqual(stored?.breakGlass, true, "nothing changed")
        }
    }

    /// An app whose environment's provider serves the test organisation, with an administrator of its root.
    private func withSingleSignOn(_ body: (Application, TestWorld, _ adminToken: String, _ adminID: UUID) async throws -> Void) async throws {
        try await withApp(oidcClient: idp, adjust: { settings in
            settings.oidc = try? OIDCProviderSettings(issuer: InProcessOIDCProvider.issuer, clientID: InProcessOIDCProvider.clientID, clientSecret: "s")
        }) { app in
            let world = try await TestWorld.make(on: app)
            let email = "root-admin@test.example"
            let token = try await world.signIn(app, role: .administrator, unit: "ROOT", email: email)
            let found = try await User.query(on: app.db).filter(\.$email == email).first()
            let admin = try XCTUnwrap(found)
            try await body(app, world, token, try admin.requireID())
        }
    }
}
