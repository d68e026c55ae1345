import FluentKit
import Foundation
import JWTKit
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The provider ends Kaiku sessions with a signed logout token; tokens the
/// test signs with its own keys (jwt-kit) stand in for the provider's.
final class OIDCBackchannelLogoutTests: XCTestCase {
    private let idp = InProcessOIDCProvider()

    func testLogoutTokenNamingTheProviderSessionEndsOnlyThatSession() async throws {
        try await withSessions { app, ended, kept in
            let jwt = try await idp.sign(Self.logoutToken(now: Date(), sid: "sid-1"))
            let response = try await Self.post(app, jwt)
            XCTAssertEqual(response.status, .ok, response.text)
            let remaining = try await UserToken.query(on: app.db).all().compactMap(\.id)
            XCTAssertFalse(remaining.contains(ended))
            XCTAssertTrue(remaining.contains(kept))
        }
    }

    func testLogoutTokenNamingOnlyTheSubjectEndsEverySessionOfThatSubject() async throws {
        try await withSessions { app, _, _ in
            let jwt = try await idp.sign(Self.logoutToken(now: Date(), sid: nil, sub: "user-1"))
            let observed1 = try await Self.post(app, jwt).status
            XCTAssertEqual(observed1, .ok)
            let observed2 = try await UserToken.query(on: app.db).count()
            XCTAssertEqual(observed2, 0)
        }
    }

    func testBadLogoutTokensAreRefusedAndEndNothing() async throws {
        try await withSessions { app, _, _ in
            let now = Date()
            let bad: [(String, OIDCLogoutToken)] = [
                ("another audience", Self.logoutToken(now: now) { $0.audience = AudienceClaim(value: ["other-app"]) }),
                ("another issuer", Self.logoutToken(now: now) { $0.issuer = IssuerClaim(value: "https://evil.example") }),
                ("no logout event", Self.logoutToken(now: now) { $0.events = nil }),
                ("an ID token's nonce", Self.logoutToken(now: now) { $0.nonce = "n" }),
                ("neither sid nor sub", Self.logoutToken(now: now, sid: nil, sub: nil)),
                ("an old token", Self.logoutToken(now: now.addingTimeInterval(-3_600))),
                ("no jti", Self.logoutToken(now: now) { $0.jti = nil }),
            ]
            for (what, token) in bad {
                let response = try await Self.post(app, try await idp.sign(token))
                XCTAssertEqual(response.status, .badRequest, what)
            }
            let stranger = try await idp.sign(Self.logoutToken(now: now), kid: "key-1", key: ES256PrivateKey())
            let observed3 = try await Self.post(app, stranger).status
            XCTAssertEqual(observed3, .badRequest, "a stranger's key")
            let notAToken = try await app.send(.POST, "/staff/oidc/backchannel-logout", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                               body: "logout_token=not.a.jwt")
            XCTAssertEqual(notAToken.status, .badRequest)
            let observed5 = try await app.send(.POST, "/staff/oidc/backchannel-logout").status
            XCTAssertEqual(observed5, .badRequest)
            let observed6 = try await UserToken.query(on: app.db).count()
            XCTAssertEqual(observed6, 2)
        }
    }

    func testReplayedLogoutTokenIsRefused() async throws {
        try await withSessions { app, ended, kept in
            let jwt = try await idp.sign(Self.logoutToken(now: Date(), sid: "sid-1"))
            let first = try await Self.post(app, jwt).status
            XCTAssertEqual(first, .ok)
            let replay = try await Self.post(app, jwt)
            XCTAssertEqual(replay.status, .badRequest)
            XCTAssertTrue(replay.text.contains("already used"), replay.text)
            let seen = try await OIDCSeenLogoutToken.query(on: app.db).count()
            XCTAssertEqual(seen, 1)
            let remaining = try await UserToken.query(on: app.db).all().compactMap(\.id)
            XCTAssertTrue(remaining.contains(kept))
            XCTAssertFalse(remaining.contains(ended))
        }
    }

    func testSeenLogoutTokensAreSweptAfterExpiry() async throws {
        try await withApp { app in
            let now = Date()
            let first = try await OIDCSeenLogoutTokens.firstUse(issuer: "https://idp.example", jti: "j1", expiresAt: now.addingTimeInterval(60),
                                                                now: now, on: app.db)
            XCTAssertTrue(first)
            let again = try await OIDCSeenLogoutTokens.firstUse(issuer: "https://idp.example", jti: "j1", expiresAt: now.addingTimeInterval(60),
                                                                now: now.addingTimeInterval(30), on: app.db)
            XCTAssertFalse(again)
            try await OIDCSeenLogoutTokens.sweep(now: now.addingTimeInterval(120), on: app.db)
            let left = try await OIDCSeenLogoutToken.query(on: app.db).count()
            XCTAssertEqual(left, 0)
        }
    }

    static func logoutToken(now: Date, sid: String? = "sid-1", sub: String? = "user-1",
                            change: (inout OIDCLogoutToken) -> Void = { _ in }) -> OIDCLogoutToken {
        var token = OIDCLogoutToken(issuer: IssuerClaim(value: InProcessOIDCProvider.issuer),
                                    audience: AudienceClaim(value: [InProcessOIDCProvider.clientID]), issuedAt: IssuedAtClaim(value: now),
                                    expiration: nil, subject: sub.map { SubjectClaim(value: $0) }, sessionID: sid,
                                    events: [OIDCLogoutToken.event: .init()], nonce: nil, jti: UUID().uuidString)
        change(&token)
        return token
    }

    static func post(_ app: Application, _ jwt: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/staff/oidc/backchannel-logout", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                           body: "logout_token=" + jwt)
    }

    /// Two sessions of one user begun through the provider: provider sessions sid-1 and sid-2.
    private func withSessions(_ body: (Application, _ sid1: UUID, _ sid2: UUID) async throws -> Void) async throws {
        try await withApp(oidcClient: idp, adjust: { settings in
            settings.oidc = try? OIDCProviderSettings(issuer: InProcessOIDCProvider.issuer, clientID: InProcessOIDCProvider.clientID, clientSecret: "s")
        }) { app in
            _ = try await TestWorld.make(on: app)
            let user = try await OIDCFixtures.staffUser(app, email: "hoitaja@county.example")
            var ids: [UUID] = []
            for sid in ["sid-1", "sid-2"] {
                let token = UserToken(userID: try user.requireID(), tokenHash: TokenHash.of(UUID().uuidString), expiresAt: Date().addingTimeInterval(3_600))
                try await token.create(on: app.db)
                try await SingleSignOnSession(userTokenID: try token.requireID(), organisationID: user.organisationID,
                                              issuer: InProcessOIDCProvider.issuer, subject: "user-1", providerSession: sid, idToken: "x").create(on: app.db)
                ids.append(try token.requireID())
            }
            try await body(app, ids[0], ids[1])
        }
    }
}
