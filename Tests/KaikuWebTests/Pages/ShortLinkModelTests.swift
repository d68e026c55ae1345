import KaikuCore
@testable import KaikuWeb
import XCTest

/// Short links, QR codes and the kiosk page's texts, as values.
final class ShortLinkModelTests: XCTestCase {
    func testTheShortLinkIsOnTheConfiguredSiteWithOrWithoutItsTrailingSlash() throws {
        XCTAssertEqual(ShortLinkCard(code: "hammas", name: "Hammas", base: "https://palaute.example.fi/").link, "https://palaute.example.fi/t/hammas")
        XCTAssertEqual(ShortLinkCard(code: "hammas", name: "Hammas", base: "http://127.0.0.1:8080").link, "http://127.0.0.1:8080/t/hammas")
        let card = try PrintCardModel(ShortLinkCard(code: "hammas", name: "Hammas", base: "https://palaute.example.fi"))
        XCTAssertEqual(card.qr, try QRCode(text: "https://palaute.example.fi/t/hammas"), "the QR code holds the address printed under it")
    }

    func testThePNGScaleStaysWithinReason() {
        XCTAssertEqual(ShortLinkCard.pngModuleSize(nil), 10)
        XCTAssertEqual(ShortLinkCard.pngModuleSize(0), 2)
        XCTAssertEqual(ShortLinkCard.pngModuleSize(Int.max), 40)
    }

    func testTheKioskCarriesOnlyItsOwnTextsInEveryLanguage() throws {
        let texts = KioskPageModel.texts(try Catalogue.load())
        XCTAssertEqual(Set(texts.keys), ["fi", "sv", "en"])
        XCTAssertTrue(texts.values.allSatisfy { !$0.isEmpty && $0.keys.allSatisfy { $0.hasPrefix("kiosk.") } })
    }

    func testSectionsAndEncodedReturnAddresses() {
        XCTAssertEqual(SiteURL.unitWidget(.key).sectionPrefix, "/widget/")
        XCTAssertEqual(SiteURL.staff(.login).url(percentEncoded: [("next", "%2Fstaff%3Fstatus%3Dall")]), "/staff/login?next=%2Fstaff%3Fstatus%3Dall")
    }
}
