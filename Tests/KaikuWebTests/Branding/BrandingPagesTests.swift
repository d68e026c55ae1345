import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/admin/branding` without JavaScript, and the brand where residents
/// see it: the public form and the printed cards.
final class BrandingPagesTests: XCTestCase {
    func testAnAdministratorUploadsALogoThroughTheFormAndRemovesIt() async throws {
        try await withApp { app in
            let browser = try await signedIn(app, role: .administrator, unit: "ROOT")
            let page = try await browser.get("/staff/admin/branding?lang=fi")

            let svg = try await browser.postMultipart("/staff/admin/branding/logo", file: ("logo", "logo.png", "image/png", LogoSamples.svg))
            let refusedPage = svg.text
            let png = try await browser.postMultipart("/staff/admin/branding/logo", file: ("logo", "logo.png", "image/png", LogoSamples.realPNG))
            let withLogo = try await browser.get("/staff/admin/branding?done=logoSaved&lang=fi")
            let removed = try await browser.post("/staff/admin/branding/logo/remove", form: [:])

            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"enctype="multipart/form-data""#))
            XCTAssertEqual(svg.status, .unsupportedMediaType)
            XCTAssertTrue(refusedPage.contains("error-summary") && refusedPage.contains("PNG- tai JPEG-kuva"), refusedPage)
            XCTAssertEqual(png.status, .seeOther)
            XCTAssertTrue(withLogo.text.contains(#"<img class="org-logo" src="/brand/test-county/logo?v="#), withLogo.text)
            XCTAssertTrue(withLogo.text.contains(#"alt="test-county fi""#))
            XCTAssertEqual(removed.status, .seeOther)
            let stored = try await OrganisationLogo.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testAColourTooLightIsShownAgainWithWhyAndNothingIsSaved() async throws {
        try await withApp { app in
            let browser = try await signedIn(app, role: .administrator, unit: "ROOT")
            try await browser.get("/staff/admin/branding?lang=sv")

            let refused = try await browser.post("/staff/admin/branding", form: ["nameFi": "Testialue", "colour": "#ffcc00"])
            let saved = try await browser.post("/staff/admin/branding", form: ["nameFi": "Testialue", "nameSv": "Testområdet", "colour": "#0b4f8a"])

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("minst 4,5:1"), refused.text)
            XCTAssertTrue(refused.text.contains(##"value="#ffcc00""##), "what was typed is kept")
            XCTAssertEqual(saved.status, .seeOther)
            let organisationID = try await UserFixtures.user(app, "admin@branding.example").organisationID
            let settings = try await Branding.settings(of: organisationID, on: app.db)
            XCTAssertEqual(settings.colour, "#0b4f8a")
            XCTAssertEqual(settings.name["sv"], "Testområdet")
        }
    }

    func testOnlyAnAdministratorOfTheWholeOrganisationOpensThePage() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            for (role, unit) in [(User.Role.administrator, "A"), (.supervisor, "ROOT"), (.handler, "A1")] {
                let email = "\(role.rawValue)-\(unit)@branding.example"
                try await world.signIn(app, role: role, unit: unit, email: email)
                let browser = StaffBrowser(app)
                try await browser.signIn(email: email)
                let page = try await browser.get("/staff/admin/branding")
                XCTAssertEqual(page.status, .forbidden, "\(role) of \(unit)")
            }
        }
    }

    func testThePublicFormShowsTheLogoWithTheOrganisationsNameAndLooksAsBeforeWithout() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let plain = try await app.send(.GET, "/f/t-a1?lang=fi")
            let organisationID = try world.organisation.requireID()
            try await Branding.setLogo(try LogoImage(validating: LogoSamples.realPNG), organisationID: organisationID,
                                       actor: .commandLine, at: Date(), on: app.db)
            try await Branding.save(.init(name: ["fi": "Testin hyvinvointialue"], colour: "#1d5a3b"), organisationID: organisationID,
                                    actor: .commandLine, at: Date(), on: app.db)

            let branded = try await app.send(.GET, "/f/t-a1?lang=fi")
            let other = try await app.send(.GET, "/f/t-x?lang=fi")

            XCTAssertFalse(plain.text.contains("org-band"))
            XCTAssertTrue(branded.text.contains(#"alt="Testin hyvinvointialue""#), branded.text)
            XCTAssertTrue(branded.text.contains("/brand/test-county/brand.css"))
            XCTAssertFalse(other.text.contains("org-band"), "another organisation's form keeps its own look")
        }
    }

    func testTheThankYouAndStatusPagesOfAnAnswerCarryItsOrganisationsLogo() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let ours = try await TestWorld.submit(app, target: "t-a1", nps: 9).receipt
            let theirs = try await TestWorld.submit(app, target: "t-x", nps: 9).receipt
            try await Branding.setLogo(try LogoImage(validating: LogoSamples.realPNG), organisationID: try world.organisation.requireID(),
                                       actor: .commandLine, at: Date(), on: app.db)

            let thanks = try await app.send(.GET, "/thanks/\(ours)?lang=fi")
            let status = try await app.send(.GET, "/status/\(ours)?lang=fi")
            let otherStatus = try await app.send(.GET, "/status/\(theirs)?lang=fi")
            let unknown = try await app.send(.GET, "/status/ABCD-EFGH?lang=fi")

            XCTAssertEqual(thanks.status, .ok)
            XCTAssertTrue(thanks.text.contains("org-band"), "the thank-you page speaks for the organisation")
            XCTAssertTrue(status.text.contains("org-band"), "so does the status page")
            XCTAssertFalse(otherStatus.text.contains("org-band"), "another organisation's answer keeps its own look")
            XCTAssertFalse(unknown.text.contains("org-band"), "an unknown receipt names no organisation")
        }
    }

    private func signedIn(_ app: Application, role: User.Role, unit: String) async throws -> StaffBrowser {
        let world = try await TestWorld.make(on: app)
        try await world.signIn(app, role: role, unit: unit, email: "admin@branding.example")
        let browser = StaffBrowser(app)
        try await browser.signIn(email: "admin@branding.example")
        return browser
    }
}
