import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/admin/themes`: the list, adding an own theme and renaming it.
final class ThemesAdminPagesTests: XCTestCase {
    private func administrator(_ app: Application) async throws -> (StaffBrowser, TestWorld) {
        let world = try await TestWorld.make(on: app)
        try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@themes.example")
        let browser = StaffBrowser(app)
        try await browser.signIn(email: "admin@themes.example")
        return (browser, world)
    }

    func testAnAdministratorAddsAThemeAndRenamesIt() async throws {
        try await withApp { app in
            let (admin, _) = try await administrator(app)
            let page = try await admin.get("/staff/admin/themes?lang=en")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(app.kaiku.catalogue.text("theme.access-quality-care", .en)), "the defaults are listed by name")

            let added = try await admin.post("/staff/admin/themes", form: ["code": "parking", "fi": "Pysäköinti", "sv": "Parkering", "en": "Parking"])
            let after = try await admin.get("/staff/admin/themes?saved=added&lang=en")
            let renamed = try await admin.post("/staff/admin/themes/parking", form: ["fi": "Pysäköinti ja liikenne", "sv": "Parkering", "en": "Parking"])

            XCTAssertEqual(added.status, .seeOther, added.text)
            XCTAssertTrue(after.text.contains("id=\"notice\""))
            XCTAssertTrue(after.text.contains("id=\"theme-parking\""), after.text)
            XCTAssertTrue(after.text.contains("id=\"rename-parking\""), after.text)
            XCTAssertEqual(renamed.status, .seeOther, renamed.text)
            let theme = try await OrganisationTheme.query(on: app.db).filter(\.$code == "parking").first()
            XCTAssertEqual(theme?.nameFi, "Pysäköinti ja liikenne")
            let actions = try await AuditEntry.query(on: app.db).sort(\.$at).all().map(\.action)
            XCTAssertEqual(actions.filter { $0.hasPrefix("theme.") }, ["theme.add", "theme.rename"])
        }
    }

    func testARefusedThemeIsShownAgainWithItsErrorAndNothingIsAdded() async throws {
        try await withApp { app in
            let (admin, _) = try await administrator(app)
            try await admin.get("/staff/admin/themes?lang=fi")

            let refused = try await admin.post("/staff/admin/themes", form: ["code": "Pysäköinti", "fi": "Pysäköinti", "sv": "Parkering", "en": "Parking"])
            let noName = try await admin.post("/staff/admin/themes", form: ["code": "parking", "fi": "Pysäköinti", "sv": "", "en": "Parking"])

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("href=\"#f-add-code\""), "the summary links to the field")
            XCTAssertTrue(refused.text.contains("aria-describedby=\"f-add-code-hint f-add-code-error\""), refused.text)
            XCTAssertTrue(refused.text.contains("value=\"Pysäköinti\""), "what was typed is shown again")
            XCTAssertTrue(refused.text.contains(app.kaiku.catalogue.text("admin.themes.error.code", .fi)))
            XCTAssertEqual(noName.status, .badRequest)
            XCTAssertTrue(noName.text.contains("href=\"#f-add-sv\""), noName.text)
            let own = try await OrganisationTheme.query(on: app.db).count()
            XCTAssertEqual(own, 0)
        }
    }

    func testOthersThanAdministratorsOfTheWholeOrganisationAreRefused() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "boss@themes.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "boss@themes.example")

            let page = try await browser.get("/staff/admin/themes")
            let post = try await browser.post("/staff/admin/themes", form: ["code": "parking", "fi": "a", "sv": "b", "en": "c"])

            XCTAssertEqual(page.status, .forbidden)
            XCTAssertEqual(post.status, .forbidden)
            let own = try await OrganisationTheme.query(on: app.db).count()
            XCTAssertEqual(own, 0)
        }
    }
}
