import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Single sign-on against a real provider on loopback (`OIDCMockProvider`):
/// the whole code flow, with Kaiku's live HTTP client, on SQLite and PostgreSQL.
final class OIDCSignInTests: XCTestCase {
    func testKnownUserSignsInByVerifiedEmailThenByStoredSubject() async throws {
        try await withProvider { app, provider, _ in
            let user = try await OIDCFixtures.staffUser(app, email: "hoitaja@county.example")
            try await provider.setUser("entra-123", claims: ["email": "Hoitaja@county.example", "email_verified": true])

            let first = StaffBrowser(app)
            let landed = try await OIDCFixtures.signIn(first, provider, as: "entra-123", next: "/staff/feedback")
            XCTAssertEqual(landed.status, .seeOther, landed.text)
            XCTAssertEqual(landed.headers.first(name: .location), "/staff/feedback")
            XCTAssertNotNil(first.cookies[StaffSession.cookie])
            let seen1 = try await first.get("/staff").status
            XCTAssertEqual(seen1, .ok)
            let identities = try await UserIdentity.query(on: app.db).all()
            XCTAssertEqual(identities.map(\.subject), ["entra-123"])
            XCTAssertEqual(identities.first?.userID, user.id)
            let seen2 = try await UserFixtures.audit(app, "sign-in.sso").count
            XCTAssertEqual(seen2, 1)

            // The provider now sends another address and no verification: the stored subject still finds the user.
            try await provider.setUser("entra-123", claims: ["email": "renamed@county.example"])
            let second = StaffBrowser(app)
            let again = try await OIDCFixtures.signIn(second, provider, as: "entra-123")
            XCTAssertEqual(again.status, .seeOther, again.text)
            let seen3 = try await second.get("/staff").status
            XCTAssertEqual(seen3, .ok)
            let seen4 = try await UserFixtures.audit(app, "sign-in.sso").count
            XCTAssertEqual(seen4, 2)
        }
    }

    func testUnverifiedEmailIsRefusedUnlessTheProviderIsTrustedForEmail() async throws {
        try await withProvider { app, provider, _ in
            _ = try await OIDCFixtures.staffUser(app, email: "kasittelija@county.example")
            try await provider.setUser("kc-7", claims: ["email": "kasittelija@county.example"])
            let browser = StaffBrowser(app)
            let refused = try await OIDCFixtures.signIn(browser, provider, as: "kc-7")
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertNil(browser.cookies[StaffSession.cookie])
        }
        try await withProvider(trustEmail: true) { app, provider, _ in
            _ = try await OIDCFixtures.staffUser(app, email: "kasittelija@county.example")
            try await provider.setUser("entra-7", claims: ["email": "kasittelija@county.example"])
            let accepted = try await OIDCFixtures.signIn(StaffBrowser(app), provider, as: "entra-7")
            XCTAssertEqual(accepted.status, .seeOther, accepted.text)
        }
    }

    func testUnknownUserIsRefusedInEveryLanguageAndAudited() async throws {
        try await withProvider { app, provider, _ in
            try await provider.setUser("stranger", claims: ["email": "stranger@elsewhere.example", "email_verified": true])
            for (language, phrase) in [("fi", "ei ole käyttöoikeutta"), ("sv", "ingen behörighet"), ("en", "no access to Kaiku")] {
                let browser = StaffBrowser(app)
                _ = try await browser.get("/staff/login?lang=\(language)")
                let refused = try await OIDCFixtures.signIn(browser, provider, as: "stranger")
                XCTAssertEqual(refused.status, .forbidden)
                XCTAssertTrue(refused.text.contains(phrase), "\(language): \(refused.text)")
                XCTAssertNil(browser.cookies[StaffSession.cookie])
            }
            let seen5 = try await UserFixtures.audit(app, "sign-in.sso-refused").count
            XCTAssertEqual(seen5, 3)
            let seen6 = try await UserIdentity.query(on: app.db).count()
            XCTAssertEqual(seen6, 0)
            let seen7 = try await UserToken.query(on: app.db).count()
            XCTAssertEqual(seen7, 0)
        }
    }

    func testDeactivatedUserIsRefused() async throws {
        try await withProvider { app, provider, _ in
            let user = try await OIDCFixtures.staffUser(app, email: "lahtija@county.example")
            user.deactivatedAt = Date()
            try await user.save(on: app.db)
            try await provider.setUser("gone", claims: ["email": "lahtija@county.example", "email_verified": true])
            let refused = try await OIDCFixtures.signIn(StaffBrowser(app), provider, as: "gone")
            XCTAssertEqual(refused.status, .forbidden)
            let seen8 = try await UserToken.query(on: app.db).count()
            XCTAssertEqual(seen8, 0)
        }
    }

    func testWrongOrMissingStateIsRefusedAndChangesNothing() async throws {
        try await withProvider { app, provider, _ in
            try await OIDCFixtures.knownHandler(app, provider)
            let browser = StaffBrowser(app)
            var back = try await OIDCFixtures.authorize(browser, provider, as: "entra-1")
            back.queryItems = (back.queryItems ?? []).map { $0.name == "state" ? URLQueryItem(name: "state", value: "forged") : $0 }
            let forged = try await browser.get(OIDCFixtures.localPath(back))
            XCTAssertEqual(forged.status, .badRequest)
            XCTAssertTrue(forged.text.contains("Start signing in again") || forged.text.contains("Aloita kirjautuminen uudelleen"), forged.text)
            back.queryItems = (back.queryItems ?? []).filter { $0.name != "state" }
            let seen9 = try await browser.get(OIDCFixtures.localPath(back)).status
            XCTAssertEqual(seen9, .badRequest)
            XCTAssertNil(browser.cookies[StaffSession.cookie])
            let seen10 = try await UserIdentity.query(on: app.db).count()
            XCTAssertEqual(seen10, 0)
        }
    }

    func testStateFromAnotherBrowserIsRefused() async throws {
        try await withProvider { app, provider, _ in
            try await OIDCFixtures.knownHandler(app, provider)
            let victim = StaffBrowser(app)
            let back = try await OIDCFixtures.authorize(victim, provider, as: "entra-1")
            let attacker = StaffBrowser(app)
            let seen11 = try await attacker.get(OIDCFixtures.localPath(back)).status
            XCTAssertEqual(seen11, .badRequest)
            XCTAssertNil(attacker.cookies[StaffSession.cookie])
        }
    }

    func testReplayedCallbackIsRefused() async throws {
        try await withProvider { app, provider, _ in
            try await OIDCFixtures.knownHandler(app, provider)
            let browser = StaffBrowser(app)
            let back = try await OIDCFixtures.authorize(browser, provider, as: "entra-1")
            let browserCookie = try XCTUnwrap(browser.cookies[OIDCController.browserCookie])
            let seen12 = try await browser.get(OIDCFixtures.localPath(back)).status
            XCTAssertEqual(seen12, .seeOther)

            // The same code and state again, even with the cookie of the browser that started it.
            let replay = try await app.sendRequest(.GET, OIDCFixtures.localPath(back),
                                                   headers: ["Cookie": "\(OIDCController.browserCookie)=\(browserCookie)", "Accept": "text/html"])
            XCTAssertEqual(replay.status, .badRequest)
            let seen13 = try await UserToken.query(on: app.db).count()
            XCTAssertEqual(seen13, 1)
        }
    }

    func testCodeTheProviderNoLongerHonoursIsRefused() async throws {
        try await withProvider { app, provider, _ in
            try await OIDCFixtures.knownHandler(app, provider)
            let browser = StaffBrowser(app)
            let used = try await OIDCFixtures.authorize(browser, provider, as: "entra-1")
            let seen14 = try await browser.get(OIDCFixtures.localPath(used)).status
            XCTAssertEqual(seen14, .seeOther)

            // A fresh sign-in whose callback carries the code already exchanged.
            let other = StaffBrowser(app)
            var back = try await OIDCFixtures.authorize(other, provider, as: "entra-1")
            let usedCode = used.queryItems?.first { $0.name == "code" }?.value
            back.queryItems = (back.queryItems ?? []).map { $0.name == "code" ? URLQueryItem(name: "code", value: usedCode) : $0 }
            let replayed = try await other.get(OIDCFixtures.localPath(back))
            XCTAssertEqual(replayed.status, .unauthorized)
            XCTAssertNil(other.cookies[StaffSession.cookie])
        }
    }

    func testExpiredIDTokenIsRefused() async throws {
        let clock = TestClock()
        try await withProvider(arguments: ["--token-max-age", "30"], clock: clock) { app, provider, _ in
            try await OIDCFixtures.knownHandler(app, provider)
            let browser = StaffBrowser(app)
            let back = try await OIDCFixtures.authorize(browser, provider, as: "entra-1")
            // Past the token's 30 seconds and the allowed skew, within the sign-in's own lifetime.
            clock.advance(by: 5 * 60)
            let refused = try await browser.get(OIDCFixtures.localPath(back))
            XCTAssertEqual(refused.status, .unauthorized)
            XCTAssertNil(browser.cookies[StaffSession.cookie])
        }
    }

    func testSigningOutEndsTheKaikuSessionAndSignsOutAtTheProvider() async throws {
        try await withProvider { app, provider, _ in
            try await OIDCFixtures.knownHandler(app, provider)
            let browser = StaffBrowser(app)
            let seen15 = try await OIDCFixtures.signIn(browser, provider, as: "entra-1").status
            XCTAssertEqual(seen15, .seeOther)
            let seen16 = try await browser.get("/staff").status
            XCTAssertEqual(seen16, .ok)
            let signedOut = try await browser.post("/staff/logout", form: [:])
            XCTAssertEqual(signedOut.status, .seeOther)
            let location = try XCTUnwrap(signedOut.headers.first(name: .location).flatMap(URLComponents.init(string:)))
            XCTAssertTrue(location.string?.hasPrefix(provider.issuer + "/oauth2/end_session") == true, location.string ?? "")
            let items = Dictionary(uniqueKeysWithValues: (location.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            XCTAssertFalse(items["id_token_hint"]?.isEmpty ?? true)
            XCTAssertEqual(items["post_logout_redirect_uri"], "http://127.0.0.1:8080/staff/login")
            let seen17 = try await UserToken.query(on: app.db).count()
            XCTAssertEqual(seen17, 0)
            let seen18 = try await SingleSignOnSession.query(on: app.db).count()
            XCTAssertEqual(seen18, 0)
        }
    }

    func testLoginRedirectUsesThePublicAddressNotTheHostHeader() async throws {
        try await withProvider(publicURL: "https://palaute.example.fi") { app, provider, _ in
            let browser = StaffBrowser(app, host: "evil.example")
            let start = try await browser.get("/staff/oidc/login")
            XCTAssertEqual(start.status, .seeOther)
            let location = try XCTUnwrap(start.headers.first(name: .location).flatMap(URLComponents.init(string:)))
            let items = Dictionary(uniqueKeysWithValues: (location.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            XCTAssertTrue(location.string?.hasPrefix(provider.issuer + "/oauth2/authorize") == true)
            XCTAssertEqual(items["redirect_uri"], "https://palaute.example.fi/staff/oidc/callback")
            XCTAssertEqual(items["code_challenge_method"], "S256")
            XCTAssertEqual(items["response_type"], "code")
            XCTAssertFalse(items["state"]?.isEmpty ?? true)
            XCTAssertFalse(items["nonce"]?.isEmpty ?? true)
            XCTAssertNotEqual(items["state"], items["nonce"])
        }
    }

    func testSignInPageOffersTheProviderOnlyWhenConfigured() async throws {
        try await withProvider { app, provider, _ in
            let page = try await StaffBrowser(app).get("/staff/login?lang=sv")
            XCTAssertTrue(page.text.contains("Logga in med organisationens konto"), page.text)
            XCTAssertTrue(page.text.contains("/staff/oidc/login"))
            // Signing out is a form whose answer goes on to the provider: its origin is an allowed form-action.
            let policy = page.headers.first(name: "Content-Security-Policy") ?? ""
            XCTAssertTrue(policy.hasSuffix("form-action 'self' \(provider.issuer)"), policy)
        }
        try await withApp { app in
            let page = try await StaffBrowser(app).get("/staff/login")
            XCTAssertFalse(page.text.contains("/staff/oidc/login"))
            XCTAssertTrue(page.headers.first(name: "Content-Security-Policy")?.hasSuffix("form-action 'self'") ?? false)
            let seen19 = try await StaffBrowser(app).get("/staff/oidc/login").status
            XCTAssertEqual(seen19, .notFound)
        }
    }

    private func withProvider(arguments: [String] = [], trustEmail: Bool = false, publicURL: String? = nil, clock: TestClock? = nil,
                              _ body: (Application, OIDCMockProvider, TestWorld) async throws -> Void) async throws {
        let provider = try await OIDCMockProvider(arguments: arguments)
        do {
            try await withApp(clock: clock?.wall ?? .system, adjust: { settings in
                settings.oidc = try? OIDCProviderSettings(issuer: provider.issuer, clientID: "kaiku-test", clientSecret: "s3cret",
                                                          trustsEmailClaims: trustEmail)
                settings.publicBaseURL = publicURL
            }) { app in
                let world = try await TestWorld.make(on: app)
                try await body(app, provider, world)
            }
        } catch {
            await provider.stop()
            throw error
        }
        await provider.stop()
    }
}
