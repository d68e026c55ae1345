import XCTest
@testable import KaikuCore

final class LanguageTests: XCTestCase {

    func testHighestQualityWins() {
        // Act
        let language = Language.preferred(fromAcceptLanguage: "en;q=0.5, sv-FI;q=0.9")

        // Assert
        XCTAssertEqual(language, .sv)
    }

    func testMissingQualityCountsAsOne() {
        // Act
        let language = Language.preferred(fromAcceptLanguage: "fi;q=0.9, en")

        // Assert
        XCTAssertEqual(language, .en)
    }

    func testUnknownLanguagesAreIgnoredWhateverTheirQuality() {
        // Act
        let language = Language.preferred(fromAcceptLanguage: "de-DE, fr;q=0.9, fi;q=0.2")

        // Assert
        XCTAssertEqual(language, .fi)
    }

    func testOnlyUnknownLanguagesGiveNil() {
        XCTAssertNil(Language.preferred(fromAcceptLanguage: "de-DE, fr;q=0.9"))
        XCTAssertNil(Language.preferred(fromAcceptLanguage: "*"))
        XCTAssertNil(Language.preferred(fromAcceptLanguage: ""))
    }

    func testMissingHeaderGivesNil() {
        XCTAssertNil(Language.preferred(fromAcceptLanguage: nil))
    }

    func testRegionAndCaseAreIgnored() {
        XCTAssertEqual(Language.preferred(fromAcceptLanguage: "FI-fi"), .fi)
        XCTAssertEqual(Language.preferred(fromAcceptLanguage: " sv-AX ;q=0.8"), .sv)
    }

    func testThreeLetterLanguageIsNotTakenForATwoLetterOne() {
        // Filipino (`fil`) is not Finnish (`fi`).
        XCTAssertEqual(Language.preferred(fromAcceptLanguage: "fil-PH, en;q=0.5"), .en)
    }

    func testLanguageWithQualityZeroIsNotAcceptable() {
        // RFC 9110 §12.4.2: q=0 means "not acceptable".
        XCTAssertNil(Language.preferred(fromAcceptLanguage: "fi;q=0"))
    }

    func testLooseValuesTakeTheLanguagePart() {
        XCTAssertEqual(Language(loose: "sv-FI"), .sv)
        XCTAssertEqual(Language(loose: "EN"), .en)
        XCTAssertNil(Language(loose: "de"))
        XCTAssertNil(Language(loose: ""))
    }
}
