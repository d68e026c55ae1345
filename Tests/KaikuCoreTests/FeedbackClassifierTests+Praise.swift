import Foundation
import XCTest
@testable import KaikuCore

/// The features for what the reference convention files where the words alone mislead:
/// praise of a person is thanks without a thank-you word, and a text-message reminder is an e-service.
final class FeedbackClassifierPraiseCueTests: XCTestCase {

    private func praisesAPerson(_ text: String, _ language: Language) -> Bool {
        FeedbackFeatures.vector(for: text, language: language).hashes.contains(FeedbackFeatures.praisedPerson)
    }

    func testPraiseOfAPersonWithoutAThankYouWordIsMarkedInEveryLanguage() {
        // Act
        let english = praisesAPerson("The home care nurses are angels. My grandmother smiles again.", .en)
        let finnish = praisesAPerson("Lääkäri oli asiallinen ja tutki kunnolla.", .fi)
        let swedish = praisesAPerson("Doktorn var kunnig och grundlig, det ska sägas.", .sv)

        // Assert
        XCTAssertTrue(english)
        XCTAssertTrue(finnish)
        XCTAssertTrue(swedish)
    }

    func testPraiseOfAPlaceOrNegatedPraiseOfAPersonIsNotMarked() {
        // Act
        let place = praisesAPerson("The new waiting room is nice and bright.", .en)
        let negated = praisesAPerson("Hoitaja ei ollut ystävällinen.", .fi)
        let otherClause = praisesAPerson("Läkaren kom sent. Kaffet i kafeterian var gott.", .sv)

        // Assert
        XCTAssertFalse(place)
        XCTAssertFalse(negated)
        XCTAssertFalse(otherClause, "the praise is of the coffee, in another sentence than the doctor")
    }

    func testTextMessageRemindersAndSymptomCheckersAreEServiceCues() {
        // Arrange
        let key = Theme.electronicServices.rawValue
        func cues(_ text: String) -> Int { FeedbackCues.counts(in: FeedbackTokenizer.tokens(in: text))[key] ?? 0 }

        // Act
        let finnish = cues("Tekstiviestillä tuli muistutus hammaslääkäristä.")
        let swedish = cues("Går det att få sms-påminnelserna på svenska?")
        let english = cues("Maybe add English to the symptom checker?")
        let phoneCall = cues("Lääkäri soitti tulokset eilen.")

        // Assert
        XCTAssertGreaterThan(finnish, 0)
        XCTAssertGreaterThan(swedish, 0)
        XCTAssertGreaterThan(english, 0)
        XCTAssertEqual(phoneCall, 0)
    }
}
