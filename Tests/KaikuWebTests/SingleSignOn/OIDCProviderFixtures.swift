import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Steps of the per-organisation single sign-on tests: providers saved
/// through the API, users placed in a unit, and the flow started for one organisation.
enum OIDCProviderFixtures {
    static func save(_ app: Application, _ token: String, issuer: String, secret: String = "s3cret",
                     extra: [String: Any] = [:]) async throws -> XCTHTTPResponse {
        var body: [String: Any] = ["issuer": issuer, "clientId": "kaiku-test", "clientSecret": secret, "enabled": true]
        body.merge(extra) { _, new in new }
        return try await app.send(.PUT, "/api/v1/organisation/identity-provider", json: RawJSON(body), token: token)
    }

    /// test-county uses `county`, other-county uses `other`, each saved by its own administrator.
    static func configureBoth(_ app: Application, _ world: TestWorld, county: OIDCMockProvider, other: OIDCMockProvider,
                              countyExtra: [String: Any] = [:]) async throws {
        let countyAdmin = try await world.signIn(app, role: .administrator, unit: "ROOT")
        let otherAdmin = try await world.signIn(app, role: .administrator, unit: "X")
        let first = try await save(app, countyAdmin, issuer: county.issuer, extra: countyExtra)
        XCTAssertEqual(first.status, .ok, first.text)
        let second = try await save(app, otherAdmin, issuer: other.issuer)
        XCTAssertEqual(second.status, .ok, second.text)
    }

    static func user(_ app: Application, _ world: TestWorld, email: String, unit: String) async throws -> User {
        let unitModel = try XCTUnwrap(world.units[unit])
        let user = User(organisationID: unitModel.organisationID, email: email, passwordHash: User.noPassword, role: .handler,
                        unitID: try unitModel.requireID())
        try await user.create(on: app.db)
        return user
    }

    static func authorize(_ browser: StaffBrowser, _ provider: OIDCMockProvider, org: String, as sub: String) async throws -> URLComponents {
        let start = try await browser.get("/staff/oidc/login?org=" + org)
        XCTAssertEqual(start.status, .seeOther, start.text)
        return try await provider.authorize(try XCTUnwrap(start.headers.first(name: .location)), as: sub)
    }

    static func signIn(_ browser: StaffBrowser, _ provider: OIDCMockProvider, org: String, as sub: String) async throws -> XCTHTTPResponse {
        let back = try await authorize(browser, provider, org: org, as: sub)
        return try await browser.get(OIDCFixtures.localPath(back))
    }
}
