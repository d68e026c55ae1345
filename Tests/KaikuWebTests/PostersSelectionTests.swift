import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/posters`: choosing which targets to print, four cards on a sheet,
/// bilingual cards, and the organisation's logo on every card.
final class PostersSelectionTests: XCTestCase {
    func testEveryTargetIsTickedUntilSomeArePicked() async throws {
        try await withApp { app in
            let browser = try await signedIn(app)

            let all = try await browser.get("/staff/posters?unit=A&lang=fi")
            let picked = try await browser.get("/staff/posters?unit=A&pick%5B%5D=t-a2b&pick%5B%5D=t-a1&pick%5B%5D=t-b1&layout=cards")

            XCTAssertEqual(cards(all.text), ["t-a1", "t-a2", "t-a2b"])
            XCTAssertEqual(all.text.components(separatedBy: #"name="pick[]""#).count - 1, 3)
            XCTAssertEqual(all.text.components(separatedBy: "checked").count - 1, 3 + 1, "every target and the one-per-page layout")
            XCTAssertEqual(cards(picked.text), ["t-a1", "t-a2b"], "a target outside the unit is not printed")
            XCTAssertTrue(picked.text.contains("poster-sheet-cards"))
            XCTAssertTrue(picked.text.contains(#"value="cards" checked"#), "the layout chosen stays chosen")
        }
    }

    func testABilingualCardCarriesBothLanguagesTexts() async throws {
        try await withApp { app in
            let browser = try await signedIn(app)

            let single = try await browser.get("/staff/posters?unit=A1&lang=en")
            let bilingual = try await browser.get("/staff/posters?unit=A1&bilingual=on&lang=en")

            XCTAssertTrue(single.text.contains("Tell us how we did"))
            XCTAssertFalse(single.text.contains("Berätta hur vi lyckades"))
            for text in ["Kerro, miten onnistuimme", "Berätta hur vi lyckades", "Hammashoitola, Keskusta", "Hammashoitola, Keskusta (sv)",
                         "Lue koodi puhelimellasi", "Läs koden med din telefon", #"<span lang="sv""#] {
                XCTAssertTrue(bilingual.text.contains(text), text)
            }
            XCTAssertTrue(bilingual.text.contains("Bilingual card: Finnish and Swedish on the same card"))
        }
    }

    func testEveryCardCarriesTheLogoWithTheOrganisationsName() async throws {
        try await withApp { app in
            let browser = try await signedIn(app)
            let organisationID = try await UserFixtures.user(app, "poster-admin@posters.example").organisationID
            try await Branding.setLogo(try LogoImage(validating: LogoSamples.realPNG), organisationID: organisationID,
                                       actor: .commandLine, at: Date(), on: app.db)

            let sheet = try await browser.get("/staff/posters?unit=A&lang=sv")

            XCTAssertEqual(sheet.text.components(separatedBy: #"<img class="poster-logo" src="/brand/test-county/logo?v="#).count - 1, 3)
            XCTAssertTrue(sheet.text.contains(#"alt="test-county sv""#))
        }
    }

    private func signedIn(_ app: Application) async throws -> StaffBrowser {
        let world = try await TestWorld.make(on: app)
        try await world.signIn(app, role: .administrator, unit: "ROOT", email: "poster-admin@posters.example")
        let browser = StaffBrowser(app, host: "palaute.example.fi")
        try await browser.signIn(email: "poster-admin@posters.example")
        return browser
    }

    /// The targets on the sheet, by the short link each card prints.
    private func cards(_ page: String) -> [String] {
        page.components(separatedBy: #"<p class="poster-link">http://palaute.example.fi/t/"#).dropFirst().compactMap { $0.split(separator: "<").first.map(String.init) }
    }
}
