import XCTest
@testable import KaikuCore

/// The clauses the second stage compares: sentences, split again where a contrast word starts.
final class FeedbackClausesTests: XCTestCase {

    func testFinnishMuttaStartsANewClause() {
        // Arrange
        let text = "Hoitaja oli tosi ystävällinen, mutta jonotin kolme tuntia päivystyksessä."

        // Act
        let clauses = FeedbackClauses.split(text)

        // Assert
        XCTAssertEqual(clauses, ["Hoitaja oli tosi ystävällinen,", "mutta jonotin kolme tuntia päivystyksessä"])
    }

    func testSwedishMenStartsANewClause() {
        // Arrange
        let text = "Läkaren var bra men det tog en månad att få tid."

        // Act
        let clauses = FeedbackClauses.split(text)

        // Assert
        XCTAssertEqual(clauses, ["Läkaren var bra", "men det tog en månad att få tid"])
    }

    func testEnglishButStartsANewClauseWithinEachSentence() {
        // Arrange
        let text = "Lovely staff but the signs were confusing! The app kept crashing."

        // Act
        let clauses = FeedbackClauses.split(text)

        // Assert
        XCTAssertEqual(clauses, ["Lovely staff", "but the signs were confusing", "The app kept crashing"])
    }

    func testWithoutAContrastWordEachSentenceIsOneClause() {
        // Arrange
        let text = "Soitin kolme kertaa. Kukaan ei vastannut!\nLopulta menin paikan päälle…"

        // Act
        let clauses = FeedbackClauses.split(text)

        // Assert
        XCTAssertEqual(clauses, ["Soitin kolme kertaa", "Kukaan ei vastannut", "Lopulta menin paikan päälle"])
    }

    func testAContrastWordOpeningASentenceDoesNotLeaveAnEmptyClause() {
        // Arrange
        let text = "But why? Mutta miksi."

        // Act
        let clauses = FeedbackClauses.split(text)

        // Assert
        XCTAssertEqual(clauses, ["But why", "Mutta miksi"])
    }

    func testATextWithoutWordsIsItsOwnSingleClause() {
        // Arrange
        let text = "?!"

        // Act
        let clauses = FeedbackClauses.split(text)

        // Assert
        XCTAssertEqual(clauses, ["?!"])
    }
}
