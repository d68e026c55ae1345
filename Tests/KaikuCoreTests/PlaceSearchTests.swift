@testable import KaikuCore
import XCTest

/// The start page's search: what a resident types finds the place in any language,
/// with a typo, in an inflected form or inside a compound, and the best match ranks first.
final class PlaceSearchTests: XCTestCase {
    let dental = ["Hammashoitola, Keskusta", "Tandklinik, Centrum", "Dental clinic, City centre", "hammaslääkäri tandvård dentist"]
    let healthCentre = ["Terveysasema, Keskusta", "Hälsostation, Centrum", "Health centre, City centre", "lääkäri läkare doctor"]

    func testATypoOfOneLetterStillFindsThePlace() {
        XCTAssertNotNil(PlaceSearch.score(query: "hamas", texts: dental))
        XCTAssertNotNil(PlaceSearch.score(query: "terveysasme", texts: healthCentre))
        XCTAssertNil(PlaceSearch.score(query: "hamas", texts: healthCentre))
        XCTAssertNil(PlaceSearch.score(query: "hamas", texts: ["Päivystys, Järvi-Hämeen keskussairaala"]),
                     "a short word is not stemmed into a prefix of something else")
    }

    func testShortWordsMustBeTypedRightOrTheyWouldMatchEverything() {
        XCTAssertNil(PlaceSearch.score(query: "hmm", texts: dental))
        XCTAssertFalse(PlaceSearch.isTypo("xyz", of: "xyzw"))
    }

    func testTheOtherLanguagesNamesAndKeywordsFindThePlace() {
        XCTAssertNotNil(PlaceSearch.score(query: "tandvård", texts: dental))
        XCTAssertNotNil(PlaceSearch.score(query: "Dentist", texts: dental))
        XCTAssertNotNil(PlaceSearch.score(query: "tandvard", texts: dental), "letters typed without their ring")
        XCTAssertNil(PlaceSearch.score(query: "tandvård", texts: healthCentre))
    }

    func testAWordInsideACompoundOrInAnInflectedFormMatches() {
        XCTAssertNotNil(PlaceSearch.score(query: "lääkäri", texts: dental), "inside hammaslääkäri")
        XCTAssertNotNil(PlaceSearch.score(query: "hammaslääkärille", texts: dental), "an inflected form of hammaslääkäri")
    }

    func testEveryWordTypedMustMatch() {
        XCTAssertNotNil(PlaceSearch.score(query: "hammas keskusta", texts: dental))
        XCTAssertNil(PlaceSearch.score(query: "hammas pohjoinen", texts: dental))
    }

    func testAnExactWordRanksAboveAPrefixAndAPrefixAboveATypo() throws {
        let exact = try XCTUnwrap(PlaceSearch.score(query: "keskusta", texts: healthCentre))
        let prefix = try XCTUnwrap(PlaceSearch.score(query: "kesk", texts: healthCentre))
        let typo = try XCTUnwrap(PlaceSearch.score(query: "keskutsa", texts: healthCentre))
        XCTAssertGreaterThan(exact, prefix)
        XCTAssertGreaterThan(prefix, typo)
    }

    func testTheDistanceCountsASwapOfNeighboursAsOneSlipAndGivesUpPastTheLimit() {
        XCTAssertEqual(PlaceSearch.distance(Array("keskutsa"), Array("keskusta")[...], limit: 2), 1)
        XCTAssertEqual(PlaceSearch.distance(Array("abcdef"), Array("uvwxyz")[...], limit: 2), 3)
    }

    func testAnEmptyOrOverlongSearchNeverTraps() {
        XCTAssertEqual(PlaceSearch.score(query: "  ,, ", texts: dental), 0)
        XCTAssertNil(PlaceSearch.score(query: String(repeating: "ä", count: 10_000), texts: dental))
    }
}
