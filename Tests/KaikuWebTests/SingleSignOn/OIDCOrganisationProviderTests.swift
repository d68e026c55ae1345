import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Each organisation's own provider, saved through the API, against real
/// providers on loopback (`OIDCMockProvider`), on SQLite and PostgreSQL.
final class OIDCOrganisationProviderTests: XCTestCase {
    func testAdministratorSavesTheProviderAndItsSecretIsNeverShownOrStoredInTheClear() async throws {
        try await withProviders { app, world, county, _ in
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let saved = try await OIDCProviderFixtures.save(app, admin, issuer: county.issuer, secret: "very-secret-value")
            XCTAssertEqual(saved.status, .ok, saved.text)
            XCTAssertFalse(saved.text.contains("very-secret-value"))
            XCTAssertEqual(saved.object["hasClientSecret"] as? Bool, true)
            XCTAssertEqual(saved.object["source"] as? String, "organisation")
            let row = try await IdentityProvider.query(on: app.db).first()
            XCTAssertEqual(row?.issuer, county.issuer)
            XCTAssertFalse(row?.clientSecretSealed.contains("very-secret-value") ?? true)
            XCTAssertEqual(try app.kaiku.cipher.open(row?.clientSecretSealed), "very-secret-value")
            let audit = try await UserFixtures.audit(app, "identity-provider.update")
            XCTAssertEqual(audit.count, 1)
            XCTAssertFalse((audit.first?.after ?? "").contains("very-secret-value"))

            // Left out, the secret is kept.
            let again = try await app.send(.PUT, "/api/v1/organisation/identity-provider", json: RawJSON(
                ["issuer": county.issuer, "clientId": "kaiku-test", "enabled": false]), token: admin)
            XCTAssertEqual(again.status, .ok, again.text)
            let kept = try await IdentityProvider.query(on: app.db).first()
            XCTAssertEqual(try app.kaiku.cipher.open(kept?.clientSecretSealed), "very-secret-value")
            let shown = try await app.send(.GET, "/api/v1/organisation/identity-provider", token: admin)
            XCTAssertEqual(shown.object["enabled"] as? Bool, false)
            XCTAssertFalse(shown.text.contains("very-secret-value"))
        }
    }

    func testWrongIssuerOrBadValuesAreRefusedAndNothingIsStored() async throws {
        try await withProviders { app, world, county, _ in
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let cases: [(String, [String: Any], String)] = [
                ("no discovery there", ["issuer": "http://127.0.0.1:9/nothing", "clientId": "c", "clientSecret": "s", "enabled": true], "issuer"),
                ("plain http elsewhere", ["issuer": "http://idp.example", "clientId": "c", "clientSecret": "s", "enabled": true], "issuer"),
                ("another issuer's discovery", ["issuer": county.issuer + "/", "clientId": "c", "clientSecret": "s", "enabled": true], "issuer"),
                ("no secret", ["issuer": county.issuer, "clientId": "c", "enabled": true], "clientSecret"),
                ("unknown unit", ["issuer": county.issuer, "clientId": "c", "clientSecret": "s", "enabled": true,
                                  "defaultRole": "handler", "defaultUnit": "X"], "defaultUnit"),
                ("provisioning with nothing to give", ["issuer": county.issuer, "clientId": "c", "clientSecret": "s", "enabled": true,
                                                       "provisioning": true], "provisioning"),
                ("a rule without a claim", ["issuer": county.issuer, "clientId": "c", "clientSecret": "s", "enabled": true,
                                            "groupRules": [["group": "g", "role": "handler", "unit": "A1"]]], "groupClaim"),
            ]
            for (what, body, field) in cases {
                let refused = try await app.send(.PUT, "/api/v1/organisation/identity-provider", json: RawJSON(body), token: admin)
                XCTAssertEqual(refused.status, .badRequest, what)
                XCTAssertEqual(refused.object["field"] as? String, field, "\(what): \(refused.text)")
            }
            let rows = try await IdentityProvider.query(on: app.db).count()
            XCTAssertEqual(rows, 0)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let forbidden = try await app.send(.GET, "/api/v1/organisation/identity-provider", token: handler)
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }

    func testTheSettingsPageSavesRulesFromTextAndOnlyWholeOrganisationAdministratorsOpenIt() async throws {
        try await withProviders { app, world, county, _ in
            try await world.signIn(app, role: .administrator, unit: "ROOT", email: "paakayttaja@county.example")
            let admin = StaffBrowser(app)
            _ = try await admin.signIn(email: "paakayttaja@county.example")
            let page = try await admin.get("/staff/admin/identity-provider?lang=sv")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Engångsinloggning"), page.text)
            let fields = [("issuer", county.issuer), ("clientId", "kaiku"), ("clientSecret", "page-secret"), ("enabled", "on"),
                          ("provisioning", "on"), ("groupClaim", "roles"), ("groupRules", "Kaiku.Handler = handler, A1\r\n\r\nKaiku.Lead = supervisor, A")]
            let broken = try await admin.post("/staff/admin/identity-provider", fields: fields.map { $0.0 == "groupRules" ? ($0.0, "no equals sign") : $0 })
            XCTAssertEqual(broken.status, .badRequest)
            XCTAssertTrue(broken.text.contains("f-groupRules-error"), broken.text)
            let stored = try await IdentityProvider.query(on: app.db).count()
            XCTAssertEqual(stored, 0)

            let saved = try await admin.post("/staff/admin/identity-provider", fields: fields)
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let row = try await IdentityProvider.query(on: app.db).first()
            XCTAssertEqual(row?.groupRules.map(\.group), ["Kaiku.Handler", "Kaiku.Lead"])
            XCTAssertEqual(row?.groupRules.map(\.unitID), [world.units["A1"]?.id, world.units["A"]?.id].compactMap { $0 })
            let shown = try await admin.get("/staff/admin/identity-provider")
            XCTAssertFalse(shown.text.contains("page-secret"))
            XCTAssertTrue(shown.text.contains("Kaiku.Lead = supervisor, A"), shown.text)

            try await world.signIn(app, role: .administrator, unit: "A", email: "alue@county.example")
            let subtree = StaffBrowser(app)
            _ = try await subtree.signIn(email: "alue@county.example")
            let refused = try await subtree.get("/staff/admin/identity-provider")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testSignInPageOffersOneButtonPerOrganisationAndEachProviderSignsIntoItsOwnOnly() async throws {
        try await withProviders { app, world, county, other in
            try await OIDCProviderFixtures.configureBoth(app, world, county: county, other: other)
            let page = try await StaffBrowser(app).get("/staff/login?lang=en")
            XCTAssertTrue(page.text.contains("/staff/oidc/login?org=test-county"), page.text)
            XCTAssertTrue(page.text.contains("/staff/oidc/login?org=other-county"))
            let policy = page.headers.first(name: "Content-Security-Policy") ?? ""
            XCTAssertTrue(policy.contains(county.issuer) && policy.contains(other.issuer), policy)
            let unchosen = try await StaffBrowser(app).get("/staff/oidc/login")
            XCTAssertEqual(unchosen.status, .badRequest)

            // A user of test-county; the other county's provider vouches for the same address.
            let user = try await OIDCProviderFixtures.user(app, world, email: "hoitaja@county.example", unit: "A1")
            try await other.setUser("b-1", claims: ["email": "hoitaja@county.example", "email_verified": true])
            let intruder = StaffBrowser(app)
            let refused = try await OIDCProviderFixtures.signIn(intruder, other, org: "other-county", as: "b-1")
            XCTAssertEqual(refused.status, .forbidden, refused.text)
            XCTAssertNil(intruder.cookies[StaffSession.cookie])

            try await county.setUser("a-1", claims: ["email": "hoitaja@county.example", "email_verified": true])
            let browser = StaffBrowser(app)
            let signedIn = try await OIDCProviderFixtures.signIn(browser, county, org: "test-county", as: "a-1")
            XCTAssertEqual(signedIn.status, .seeOther, signedIn.text)
            let identities = try await UserIdentity.query(on: app.db).all()
            XCTAssertEqual(identities.map(\.userID), [user.id])
            XCTAssertEqual(identities.map(\.issuer), [county.issuer])
        }
    }

    func testProvisioningIsOffByDefaultAndRefusesUnknownUsers() async throws {
        try await withProviders { app, world, county, other in
            try await OIDCProviderFixtures.configureBoth(app, world, county: county, other: other)
            try await county.setUser("new-1", claims: ["email": "uusi@county.example", "email_verified": true, "name": "Uusi Hoitaja"])
            let refused = try await OIDCProviderFixtures.signIn(StaffBrowser(app), county, org: "test-county", as: "new-1")
            XCTAssertEqual(refused.status, .forbidden)
            let users = try await User.query(on: app.db).filter(\.$email == "uusi@county.example").count()
            XCTAssertEqual(users, 0)
        }
    }

    func testProvisioningCreatesTheUserWithTheDefaultRoleAndUnit() async throws {
        try await withProviders { app, world, county, other in
            try await OIDCProviderFixtures.configureBoth(app, world, county: county, other: other,
                                                         countyExtra: ["provisioning": true, "defaultRole": "handler", "defaultUnit": "A2"])
            try await county.setUser("new-1", claims: ["email": "Uusi@county.example", "email_verified": true, "name": "Uusi Hoitaja"])
            let browser = StaffBrowser(app)
            let signedIn = try await OIDCProviderFixtures.signIn(browser, county, org: "test-county", as: "new-1")
            XCTAssertEqual(signedIn.status, .seeOther, signedIn.text)
            let observed = try await browser.get("/staff").status
            XCTAssertEqual(observed, .ok)
            let created = try await User.query(on: app.db).filter(\.$email == "uusi@county.example").first()
            XCTAssertEqual(created?.role, "handler")
            XCTAssertEqual(created?.unitID, world.units["A2"]?.id)
            XCTAssertEqual(created?.organisationID, world.organisation.id)
            XCTAssertEqual(created?.name, "Uusi Hoitaja")
            let audited = try await UserFixtures.audit(app, "user.create-sso").count
            XCTAssertEqual(audited, 1)

            // The other county's user with an address of this county is not created here.
            try await county.setUser("new-2", claims: ["email": "admin-x@other.example", "email_verified": true])
            _ = try await OIDCProviderFixtures.user(app, world, email: "admin-x@other.example", unit: "X")
            let refused = try await OIDCProviderFixtures.signIn(StaffBrowser(app), county, org: "test-county", as: "new-2")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testProvisioningTakesTheFirstMatchingGroupRuleAndRefusesWithoutAMatchOrDefault() async throws {
        try await withProviders { app, world, county, other in
            let rules: [[String: String]] = [["group": "kaiku-esihenkilot", "role": "supervisor", "unit": "B"],
                                             ["group": "kaiku-kasittelijat", "role": "handler", "unit": "B1"]]
            try await OIDCProviderFixtures.configureBoth(app, world, county: county, other: other,
                                                         countyExtra: ["provisioning": true, "groupClaim": "groups", "groupRules": rules])
            try await county.setUser("g-1", claims: ["email": "esihenkilo@county.example", "email_verified": true,
                                                     "groups": ["muut", "kaiku-kasittelijat", "kaiku-esihenkilot"]])
            let signedIn = try await OIDCProviderFixtures.signIn(StaffBrowser(app), county, org: "test-county", as: "g-1")
            XCTAssertEqual(signedIn.status, .seeOther, signedIn.text)
            let created = try await User.query(on: app.db).filter(\.$email == "esihenkilo@county.example").first()
            XCTAssertEqual(created?.role, "supervisor")
            XCTAssertEqual(created?.unitID, world.units["B"]?.id)

            try await county.setUser("g-2", claims: ["email": "ulkopuolinen@county.example", "email_verified": true, "groups": ["muut"]])
            let refused = try await OIDCProviderFixtures.signIn(StaffBrowser(app), county, org: "test-county", as: "g-2")
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertTrue(refused.text.contains("Kaikussa") || refused.text.contains("no role"), refused.text)
            let none = try await User.query(on: app.db).filter(\.$email == "ulkopuolinen@county.example").count()
            XCTAssertEqual(none, 0)
        }
    }

    func testPendingSignInIsStoredInTheDatabaseTakenOnceAndSweptWhenExpired() async throws {
        let clock = TestClock()
        try await withProviders(clock: clock) { app, world, county, other in
            try await OIDCProviderFixtures.configureBoth(app, world, county: county, other: other)
            _ = try await OIDCProviderFixtures.user(app, world, email: "hoitaja@county.example", unit: "A1")
            try await county.setUser("a-1", claims: ["email": "hoitaja@county.example", "email_verified": true])
            let browser = StaffBrowser(app)
            let back = try await OIDCProviderFixtures.authorize(browser, county, org: "test-county", as: "a-1")
            let stored = try await OIDCPendingSignIn.query(on: app.db).count()
            XCTAssertEqual(stored, 1)
            let first = try await browser.get(OIDCFixtures.localPath(back)).status
            XCTAssertEqual(first, .seeOther)
            let replayed = try await browser.get(OIDCFixtures.localPath(back)).status
            XCTAssertEqual(replayed, .badRequest)

            _ = try await OIDCProviderFixtures.authorize(StaffBrowser(app), county, org: "test-county", as: "a-1")
            clock.advance(by: OIDCController.pendingLifetime + 1)
            let swept = try await OIDCPendingSignIns.sweep(now: clock.wall.now, on: app.db)
            XCTAssertEqual(swept, 1)
        }
    }

    private func withProviders(clock: TestClock? = nil,
                               _ body: (Application, TestWorld, OIDCMockProvider, OIDCMockProvider) async throws -> Void) async throws {
        let county = try await OIDCMockProvider()
        let other: OIDCMockProvider
        do {
            other = try await OIDCMockProvider()
        } catch {
            await county.stop()
            throw error
        }
        do {
            try await withApp(clock: clock?.wall ?? .system) { app in
                let world = try await TestWorld.make(on: app)
                try await body(app, world, county, other)
            }
        } catch {
            await county.stop()
            await other.stop()
            throw error
        }
        await county.stop()
        await other.stop()
    }
}
