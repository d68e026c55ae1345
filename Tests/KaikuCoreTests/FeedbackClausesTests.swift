import XCTest
@testable import KaikuCore

/// The clauses the second stage compares: sentences, split again where a contrast word starts.
final class FeedbackClausesTests: XCTestCase {

    func testFinnishMuttaStartsANewClause() {
        assertClauses(of: "Hoitaja oli tosi ystävällinen, mutta jonotin kolme tuntia päivystyksessä.", are: ["Hoitaja oli tosi ystävällinen,", "mutta jonotin kolme tuntia päivystyksessä"])
    }

    func testSwedishMenStartsANewClause() {
        assertClauses(of: "Läkaren var bra men det tog en månad att få tid.", are: ["Läkaren var bra", "men det tog en månad att få tid"])
    }

    func testEnglishButStartsANewClauseWithinEachSentence() {
        assertClauses(of: "Lovely staff but the signs were confusing! The app kept crashing.", are: ["Lovely staff", "but the signs were confusing", "The app kept crashing"])
    }

    func testWithoutAContrastWordEachSentenceIsOneClause() {
        assertClauses(of: "Soitin kolme kertaa. Kukaan ei vastannut!\nLopulta menin paikan päälle…", are: ["Soitin kolme kertaa", "Kukaan ei vastannut", "Lopulta menin paikan päälle"])
    }

    func testAContrastWordOpeningASentenceDoesNotLeaveAnEmptyClause() {
        assertClauses(of: "But why? Mutta miksi.", are: ["But why", "Mutta miksi"])
    }

    func testATextWithoutWordsIsItsOwnSingleClause() {
        assertClauses(of: "?!", are: ["?!"])
    }

    /// Splits `text` (act) and compares with the expected clauses (assert); each test names the behaviour.
    private func assertClauses(of text: String, are expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let clauses = FeedbackClauses.split(text)
        XCTAssertEqual(clauses, expected, file: file, line: line)
    }
}
