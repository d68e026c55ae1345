import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/admin/users` and `/staff/admin/users/{id}` as a browser uses
/// them: forms with the session's CSRF token, a redirect to the result,
/// confirmations for what shuts someone out, and refusals shown on the form.
final class UsersPagesTests: XCTestCase {
    private func administrator(_ app: Application, world: TestWorld, unit: String = "ROOT") async throws -> StaffBrowser {
        try await world.signIn(app, role: .administrator, unit: unit, email: "admin-\(unit.lowercased())@test.example")
        let browser = StaffBrowser(app)
        try await browser.signIn(email: "admin-\(unit.lowercased())@test.example")
        return browser
    }

    func testAnAdministratorAddsAUserAndTheInvitationGoesOut() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world)
            let list = try await browser.get("/staff/admin/users")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("id=\"add-user\""))
            XCTAssertFalse(list.text.contains("type=\"password\""), "the administrator never types a password")

            let added = try await browser.post("/staff/admin/users", form: ["email": "uusi@test.example", "name": "Uusi Ihminen", "role": "supervisor",
                                                                            "unit": "A", "language": "fi"])

            XCTAssertEqual(added.status, .seeOther, added.text)
            let location = try XCTUnwrap(added.headers.first(name: .location))
            XCTAssertTrue(location.contains("done=created"), location)
            let page = try await browser.get(location)
            XCTAssertTrue(page.text.contains("id=\"notice\""))
            XCTAssertTrue(page.text.contains("Uusi Ihminen"))
            let user = try await UserFixtures.user(app, "uusi@test.example")
            XCTAssertEqual(user.role, "supervisor")
            XCTAssertTrue(user.isInvited)
            XCTAssertEqual(mail.messages.map(\.to), ["uusi@test.example"])
        }
    }

    func testARefusedAddIsShownAgainWithTheInputAndAnErrorLinkedToTheField() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world, unit: "A")
            _ = try await browser.get("/staff/admin/users")

            let refused = try await browser.post("/staff/admin/users", form: ["email": "not-an-address", "name": "Kesken Jäänyt", "role": "handler",
                                                                              "unit": "A1", "language": "sv"])
            let outside = try await browser.post("/staff/admin/users", form: ["email": "b@test.example", "role": "handler", "unit": "B1"])

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("href=\"#f-email\""), "the summary leads to the field")
            XCTAssertTrue(refused.text.contains("aria-describedby=\"f-email-error\""))
            XCTAssertTrue(refused.text.contains("value=\"Kesken Jäänyt\""), "what was typed is kept")
            XCTAssertEqual(outside.status, .badRequest)
            XCTAssertTrue(outside.text.contains("href=\"#f-unit\""))
            let count = try await User.query(on: app.db).filter(\.$email ~~ ["not-an-address", "b@test.example"]).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testAFormWithoutTheSessionsTokenChangesNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world)
            try await world.signIn(app, role: .handler, unit: "A1", email: "h@test.example")
            let id = try await UserFixtures.id(app, "h@test.example")
            _ = try await browser.get("/staff/admin/users/\(id)")

            let forged = try await browser.post("/staff/admin/users", form: ["email": "forged@test.example", "role": "handler", "unit": "A1"], csrf: "wrong")
            let forgedDeactivation = try await browser.post("/staff/admin/users/\(id)/deactivate", form: ["confirm": "yes"], csrf: .some(nil))

            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertEqual(forgedDeactivation.status, .forbidden)
            let created = try await User.query(on: app.db).filter(\.$email == "forged@test.example").count()
            XCTAssertEqual(created, 0)
            let user = try await UserFixtures.user(app, "h@test.example")
            XCTAssertTrue(user.isActive)
        }
    }

    func testAnAdministratorChangesARoleAndTheChangeIsAudited() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world)
            try await world.signIn(app, role: .handler, unit: "A1", email: "h@test.example")
            let id = try await UserFixtures.id(app, "h@test.example")
            let page = try await browser.get("/staff/admin/users/\(id)")
            XCTAssertTrue(page.text.contains("id=\"details-form\""))

            let saved = try await browser.post("/staff/admin/users/\(id)/details", form: ["name": "Helena", "role": "supervisor", "unit": "A"])

            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(saved.headers.first(name: .location), "/staff/admin/users/\(id)?done=saved#notice")
            let user = try await UserFixtures.user(app, "h@test.example")
            XCTAssertEqual([user.role, user.name], ["supervisor", "Helena"])
            XCTAssertEqual(user.unitID, world.units["A"]?.id)
            let entries = try await UserFixtures.audit(app, "user.update")
            XCTAssertEqual(entries.count, 1)
        }
    }

    func testAnAdministratorIsMarkedBreakGlassFromTheBoxOnlyAdministratorsPagesOffer() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world)
            try await world.signIn(app, role: .administrator, unit: "A", email: "a-admin@test.example")
            try await world.signIn(app, role: .handler, unit: "A1", email: "h2@test.example")
            let adminID = try await UserFixtures.id(app, "a-admin@test.example")
            let handlerID = try await UserFixtures.id(app, "h2@test.example")

            let adminPage = try await browser.get("/staff/admin/users/\(adminID)")
            let handlerPage = try await browser.get("/staff/admin/users/\(handlerID)")
            let saved = try await browser.post("/staff/admin/users/\(adminID)/details",
                                               form: ["name": "", "role": "administrator", "unit": "A", "breakGlass": "on"])

            XCTAssertTrue(adminPage.text.contains("id=\"f-breakGlass\""))
            XCTAssertFalse(handlerPage.text.contains("id=\"f-breakGlass\""), "only administrators can be break-glass")
            XCTAssertEqual(saved.status, .seeOther)
            let marked = try await UserFixtures.user(app, "a-admin@test.example")
            XCTAssertTrue(marked.breakGlass)
        }
    }

    func testDeactivatingAsksFirstAndThenEndsTheUsersSessionAtOnce() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world)
            try await world.signIn(app, role: .handler, unit: "B1", email: "leaver@test.example")
            let leaver = StaffBrowser(app)
            try await leaver.signIn(email: "leaver@test.example")
            let id = try await UserFixtures.id(app, "leaver@test.example")
            _ = try await browser.get("/staff/admin/users/\(id)")

            let asked = try await browser.post("/staff/admin/users/\(id)/deactivate", form: [:])

            XCTAssertEqual(asked.status, .ok)
            XCTAssertTrue(asked.text.contains("id=\"confirm-form\""))
            let notYet = try await UserFixtures.user(app, "leaver@test.example")
            XCTAssertTrue(notYet.isActive, "nothing happens before the confirmation")

            let confirmed = try await browser.post("/staff/admin/users/\(id)/deactivate", form: ["confirm": "yes"])

            XCTAssertEqual(confirmed.status, .seeOther)
            XCTAssertTrue(confirmed.headers.first(name: .location)?.contains("done=deactivated") ?? false)
            let user = try await UserFixtures.user(app, "leaver@test.example")
            XCTAssertFalse(user.isActive)
            let theirs = try await leaver.get("/staff")
            XCTAssertEqual(theirs.headers.first(name: .location)?.hasPrefix("/staff/login"), true)
            let after = try await browser.get("/staff/admin/users/\(id)")
            XCTAssertTrue(after.text.contains("id=\"action-reactivate\""), "a deactivated user can be reactivated")
        }
    }

    func testTheOwnPageOffersNoWayToShutOneselfOut() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world)
            let id = try await UserFixtures.id(app, "admin-root@test.example")

            let own = try await browser.get("/staff/admin/users/\(id)")
            let forced = try await browser.post("/staff/admin/users/\(id)/deactivate", form: ["confirm": "yes"])

            XCTAssertTrue(own.text.contains("id=\"self-note\""))
            XCTAssertFalse(own.text.contains("id=\"action-deactivate\""))
            XCTAssertFalse(own.text.contains("id=\"f-role\""))
            XCTAssertEqual(forced.status, .conflict)
            let user = try await UserFixtures.user(app, "admin-root@test.example")
            XCTAssertTrue(user.isActive)
        }
    }

    func testTheListFindsUsersByWordsRoleUnitAndState() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await administrator(app, world: world)
            for (email, unit, role) in [("virtanen@test.example", "A1", User.Role.handler), ("korhonen@test.example", "B1", .supervisor)] {
                try await world.signIn(app, role: role, unit: unit, email: email)
            }
            let korhonen = try await UserFixtures.user(app, "korhonen@test.example")
            korhonen.name = "Ville Korhonen"
            korhonen.deactivatedAt = Date()
            try await korhonen.save(on: app.db)

            let byWord = try await browser.get("/staff/admin/users?q=VIRTA")
            let byName = try await browser.get("/staff/admin/users?q=ville%20k%C3%B6rhonen")
            let byUnit = try await browser.get("/staff/admin/users?unit=B")
            let byState = try await browser.get("/staff/admin/users?state=deactivated&role=supervisor")
            let none = try await browser.get("/staff/admin/users?q=nobody")

            XCTAssertTrue(byWord.text.contains("virtanen@test.example"))
            XCTAssertFalse(byWord.text.contains("korhonen@test.example"))
            XCTAssertTrue(byName.text.contains("korhonen@test.example"), "case and accents do not matter")
            XCTAssertTrue(byUnit.text.contains("korhonen@test.example"))
            XCTAssertFalse(byUnit.text.contains("virtanen@test.example"))
            XCTAssertTrue(byState.text.contains("korhonen@test.example"))
            XCTAssertFalse(byState.text.contains("virtanen@test.example"))
            XCTAssertTrue(none.text.contains("id=\"users-empty\""))
        }
    }

    func testOnlyAdministratorsOpenTheUsersPages() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "boss@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "boss@test.example")
            let id = try await UserFixtures.id(app, "boss@test.example")

            let list = try await browser.get("/staff/admin/users")
            let page = try await browser.get("/staff/admin/users/\(id)")

            XCTAssertEqual(list.status, .forbidden)
            XCTAssertEqual(page.status, .forbidden)
        }
    }

    func testThePasswordPageSpeaksTheLanguageOfItsLink() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            for (email, language) in [("fi@test.example", "fi"), ("sv@test.example", "sv"), ("en@test.example", "en")] {
                _ = try await app.send(.POST, "/api/v1/users", json: ["email": email, "role": "handler", "unit": "A1", "language": language], token: admin)
            }

            var titles: [String] = []
            for message in mail.messages {
                let page = try await app.sendRequest(.GET, try UserFixtures.linkPath(in: message))
                titles.append(page.text.components(separatedBy: "<h1>").dropFirst().first?.components(separatedBy: "</h1>").first ?? "")
            }

            XCTAssertEqual(titles, ["Aseta salasanasi", "Ange ditt lösenord", "Set your password"])
        }
    }
}
