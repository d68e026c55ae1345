import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Steps of a single sign-on the tests repeat.
enum OIDCFixtures {
    /// A handler in the organisation the environment's provider serves.
    static func staffUser(_ app: Application, email: String) async throws -> User {
        let observed1 = try await app.kaiku.oidc.firstOrganisation(on: app.db)
        let organisation = try XCTUnwrap(observed1)
        let observed2 = try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisation.requireID()).first()
        let root = try XCTUnwrap(observed2)
        let user = User(organisationID: try organisation.requireID(), email: email, passwordHash: User.noPassword,
                        role: .handler, unitID: try root.requireID())
        try await user.create(on: app.db)
        return user
    }

    /// The handler hoitaja@county.example, whom the provider knows as `entra-1` with a verified address.
    static func knownHandler(_ app: Application, _ provider: OIDCMockProvider) async throws {
        _ = try await staffUser(app, email: "hoitaja@county.example")
        try await provider.setUser("entra-1", claims: ["email": "hoitaja@county.example", "email_verified": true])
    }

    /// Starts a sign-in at Kaiku and answers the provider's form as `sub`; returns the way back to Kaiku.
    static func authorize(_ browser: StaffBrowser, _ provider: OIDCMockProvider, as sub: String) async throws -> URLComponents {
        let start = try await browser.get("/staff/oidc/login")
        XCTAssertEqual(start.status, .seeOther, start.text)
        return try await provider.authorize(try XCTUnwrap(start.headers.first(name: .location)), as: sub)
    }

    /// Starts at Kaiku, answers the provider's form as `sub`, and returns Kaiku's answer to the callback.
    static func signIn(_ browser: StaffBrowser, _ provider: OIDCMockProvider, as sub: String, next: String? = nil) async throws -> XCTHTTPResponse {
        let start = try await browser.get("/staff/oidc/login" + (next.map { "?next=" + $0 } ?? ""))
        XCTAssertEqual(start.status, .seeOther, start.text)
        let back = try await provider.authorize(try XCTUnwrap(start.headers.first(name: .location)), as: sub)
        return try await browser.get(localPath(back))
    }

    /// The provider sends the browser to Kaiku's absolute callback address; the in-memory app takes its path and query.
    static func localPath(_ components: URLComponents) -> String {
        components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}
