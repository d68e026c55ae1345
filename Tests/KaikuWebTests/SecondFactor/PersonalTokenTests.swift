import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class PersonalTokenTests: XCTestCase {
    private struct Created: Decodable {
        var id: UUID
        var token: String
        var expiresAt: Date
    }

    private func create(_ app: Application, _ token: String, name: String = "Power BI", expiresAt: String? = nil) async throws -> XCTHTTPResponse {
        var body = ["name": name]
        if let expiresAt { body["expiresAt"] = expiresAt }
        return try await app.send(.POST, "/api/v1/me/tokens", json: body, token: token)
    }

    func testAPersonalTokenIsShownOnceListedWithoutItselfAndWorksAsABearerToken() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let signIn = try await world.signIn(app, role: .handler, unit: "A1", email: "anna@test.example")

            let response = try await create(app, signIn, expiresAt: "2099-01-01")
            XCTAssertEqual(response.status, .badRequest, "more than a year away")
            XCTAssertEqual(response.object["field"] as? String, "expiresAt")
            let created = try await create(app, signIn)
            XCTAssertEqual(created.status, .created, created.text)
            let issued = try created.json(Created.self)
            XCTAssertTrue(issued.token.hasPrefix("kaiku_pat_"))
            XCTAssertEqual(issued.expiresAt.timeIntervalSince(clock.wall.now), 90 * 86_400, accuracy: 1, "90 days when left out")

            let units = try await app.send(.GET, "/api/v1/units", token: issued.token)
            XCTAssertEqual(units.status, .ok)
            let listed = try await app.send(.GET, "/api/v1/me/tokens", token: issued.token)
            XCTAssertEqual(listed.status, .ok)
            XCTAssertFalse(listed.text.contains(issued.token), "never the token itself")
            let items = try XCTUnwrap((try? JSONSerialization.jsonObject(with: Data(buffer: listed.body))) as? [[String: Any]])
            XCTAssertEqual(items.count, 1)
            XCTAssertEqual(items.first?["name"] as? String, "Power BI")
            XCTAssertNotNil(items.first?["lastUsedAt"] as? String, "its use was noted")
            let stored = try await PersonalToken.query(on: app.db).all()
            XCTAssertEqual(stored.map(\.tokenHash), [TokenHash.of(issued.token)])
        }
    }

    func testLastUseIsWrittenAtMostOnceAMinute() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let signIn = try await world.signIn(app, role: .handler, unit: "A1")
            let issued = try await create(app, signIn).json(Created.self)
            let start = clock.wall.now

            _ = try await app.send(.GET, "/api/v1/units", token: issued.token)
            clock.advance(by: 30)
            _ = try await app.send(.GET, "/api/v1/units", token: issued.token)
            let afterHalfAMinute = try await PersonalToken.find(issued.id, on: app.db)?.lastUsedAt
            clock.advance(by: 31)
            _ = try await app.send(.GET, "/api/v1/units", token: issued.token)
            let afterAMinute = try await PersonalToken.find(issued.id, on: app.db)?.lastUsedAt

            XCTAssertEqual(try XCTUnwrap(afterHalfAMinute).timeIntervalSince(start), 0, accuracy: 0.01)
            XCTAssertEqual(try XCTUnwrap(afterAMinute).timeIntervalSince(start), 61, accuracy: 0.01)
        }
    }

    func testAnExpiredOrRevokedTokenStopsWorking() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let signIn = try await world.signIn(app, role: .handler, unit: "A1")
            let day = ISO8601.string(clock.wall.now.addingTimeInterval(2 * 86_400))
            let shortLived = try await create(app, signIn, name: "short", expiresAt: day).json(Created.self)
            let revoked = try await create(app, signIn, name: "revoked").json(Created.self)

            let deleted = try await app.send(.DELETE, "/api/v1/me/tokens/\(revoked.id)", token: signIn)
            let again = try await app.send(.DELETE, "/api/v1/me/tokens/\(revoked.id)", token: signIn)
            let afterRevoking = try await app.send(.GET, "/api/v1/units", token: revoked.token)
            let beforeExpiry = try await app.send(.GET, "/api/v1/units", token: shortLived.token)
            clock.advance(by: 2 * 86_400 + 1)
            let afterExpiry = try await app.send(.GET, "/api/v1/units", token: shortLived.token)

            XCTAssertEqual(deleted.status, .noContent)
            XCTAssertEqual(again.status, .notFound)
            XCTAssertEqual(afterRevoking.status, .unauthorized)
            XCTAssertEqual(beforeExpiry.status, .ok)
            XCTAssertEqual(afterExpiry.status, .unauthorized)
            let audit = try await UserFixtures.audit(app, "personal-token.revoke")
            XCTAssertEqual(audit.count, 1)
        }
    }

    func testAnotherUsersTokenCannotBeRevoked() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let anna = try await world.signIn(app, role: .handler, unit: "A1")
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let annas = try await create(app, anna).json(Created.self)

            let refused = try await app.send(.DELETE, "/api/v1/me/tokens/\(annas.id)", token: admin)
            let stillWorks = try await app.send(.GET, "/api/v1/units", token: annas.token)
            let listedForAdmin = try await app.send(.GET, "/api/v1/me/tokens", token: admin)

            XCTAssertEqual(refused.status, .notFound)
            XCTAssertEqual(stillWorks.status, .ok)
            XCTAssertEqual(listedForAdmin.text, "[]")
        }
    }

    func testATokenCarriesTheUsersRoleAndUnitAsTheyAreNowAndStopsWhenTheUserIsDeactivated() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let signIn = try await world.signIn(app, role: .handler, unit: "A1", email: "anna@test.example")
            let personal = try await create(app, signIn).json(Created.self)
            let userID = try await UserFixtures.id(app, "anna@test.example")
            let receipt = try await TestWorld.submit(app, target: "t-b1", nps: 3, extra: [
                "contact": ["email": "maija@example.fi"], "wantsAnswer": true,
            ]).receipt

            let before = try await app.send(.GET, "/api/v1/cases?status=open&receipt=\(receipt)", token: personal.token)
            let moved = try await app.send(.PATCH, "/api/v1/users/\(userID)", json: ["unit": "B"], token: admin)
            let after = try await app.send(.GET, "/api/v1/cases?status=open&receipt=\(receipt)", token: personal.token)
            let deactivated = try await app.send(.PATCH, "/api/v1/users/\(userID)", json: RawJSON(["active": false]), token: admin)
            let stopped = try await app.send(.GET, "/api/v1/units", token: personal.token)

            XCTAssertEqual(before.text, "[]", "unit A1 does not see B1's case")
            XCTAssertEqual(moved.status, .ok, moved.text)
            XCTAssertTrue(after.text.contains(receipt), "moved to B, the same token sees it: \(after.text)")
            XCTAssertEqual(deactivated.status, .ok)
            XCTAssertEqual(stopped.status, .unauthorized)
        }
    }

    func testAnAdministratorEndingAUsersSessionsEndsTheirPersonalTokensToo() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let signIn = try await world.signIn(app, role: .handler, unit: "A1", email: "anna@test.example")
            let personal = try await create(app, signIn).json(Created.self)
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "anna@test.example")
            let userID = try await UserFixtures.id(app, "anna@test.example")

            let ended = try await app.send(.DELETE, "/api/v1/users/\(userID)/sessions", token: admin)

            XCTAssertEqual(ended.status, .noContent)
            let viaPersonal = try await app.send(.GET, "/api/v1/units", token: personal.token)
            let viaSignIn = try await app.send(.GET, "/api/v1/units", token: signIn)
            let page = try await browser.get("/staff/account")
            XCTAssertEqual(viaPersonal.status, .unauthorized)
            XCTAssertEqual(viaSignIn.status, .unauthorized)
            XCTAssertEqual(page.status, .seeOther, "the page session ended too")
        }
    }

    func testTheAccountPageMakesListsAndRevokesTokens() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "anna@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "anna@test.example")
            try await browser.get("/staff/account")

            let refused = try await browser.post("/staff/account/tokens", form: ["name": " ", "expiresAt": ""])
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains(#"aria-invalid="true""#))
            let created = try await browser.post("/staff/account/tokens", form: ["name": "Raportointi", "expiresAt": ""])
            XCTAssertEqual(created.status, .created, created.text)
            let range = try XCTUnwrap(created.text.range(of: #"kaiku_pat_[A-Za-z0-9_-]+"#, options: .regularExpression))
            let token = String(created.text[range])
            let works = try await app.send(.GET, "/api/v1/units", token: token)
            XCTAssertEqual(works.status, .ok)

            let listed = try await browser.get("/staff/account")
            XCTAssertTrue(listed.text.contains("Raportointi"))
            XCTAssertFalse(listed.text.contains(token), "shown only once")
            let row = try await PersonalToken.query(on: app.db).first()
            let id = try XCTUnwrap(row?.id)
            let revoked = try await browser.post("/staff/account/tokens/\(id)/revoke", form: [:])
            XCTAssertEqual(revoked.status, .seeOther)
            let stopped = try await app.send(.GET, "/api/v1/units", token: token)
            XCTAssertEqual(stopped.status, .unauthorized)
        }
    }
}
