import Foundation
import KaikuCore
import XCTest

/// The idea bank's pure rules: the order an idea moves in, what a title and
/// description may be, and how the counts keep their rows.
final class IdeaRulesTests: XCTestCase {
    func testAnIdeaMovesOnlyForwardThroughReviewAndDecisionToImplementation() {
        XCTAssertEqual(IdeaStatus.new.next, [.underReview])
        XCTAssertEqual(IdeaStatus.underReview.next, [.accepted, .declined])
        XCTAssertEqual(IdeaStatus.accepted.next, [.implemented])
        XCTAssertTrue(IdeaStatus.declined.next.isEmpty, "a declined idea stays declined")
        XCTAssertTrue(IdeaStatus.implemented.next.isEmpty)
        XCTAssertFalse(IdeaStatus.new.canMove(to: .accepted), "not decided before it is looked at")
        XCTAssertFalse(IdeaStatus.underReview.canMove(to: .implemented), "not implemented before it is accepted")
        XCTAssertFalse(IdeaStatus.declined.canMove(to: .implemented))
        XCTAssertEqual(IdeaStatus(rawValue: "under-review"), .underReview, "the API's spelling")
    }

    func testTitleAndDescriptionAreTrimmedBoundedAndFreeOfControlCharacters() throws {
        let text = try IdeaText.checked(title: "  Parempi\r\nopastus ", description: "Rivi 1\r\nRivi 2\n")
        XCTAssertEqual(text.title, "Parempi opastus", "a title is one line")
        XCTAssertEqual(text.description, "Rivi 1\nRivi 2")
        XCTAssertThrowsError(try IdeaText.checked(title: " ", description: "x")) { XCTAssertEqual($0 as? IdeaText.Problem, .missing(.title)) }
        XCTAssertThrowsError(try IdeaText.checked(title: "x", description: nil)) { XCTAssertEqual($0 as? IdeaText.Problem, .missing(.description)) }
        let long = String(repeating: "ä", count: IdeaText.maxTitleLength + 1)
        XCTAssertThrowsError(try IdeaText.checked(title: long, description: "x")) { XCTAssertEqual($0 as? IdeaText.Problem, .tooLong(.title)) }
        XCTAssertNoThrow(try IdeaText.checked(title: String(long.dropLast()), description: "x"))
        XCTAssertThrowsError(try IdeaText.checked(title: "a\u{7}b", description: "x")) {
            XCTAssertEqual($0 as? IdeaText.Problem, .controlCharacters(.title))
        }
        XCTAssertThrowsError(try IdeaText.checkedComment(String(repeating: "k", count: IdeaText.maxCommentLength + 1)))
    }

    func testCountsListEveryStatusAndCategoryWithZerosAndKeepARetiredCategory() {
        let counts = IdeaCounts(rows: [(.new, "other", 2025), (.new, "wellbeing-at-work", 2026), (.accepted, "old-code", 2026)],
                                categoryCodes: ["wellbeing-at-work", "other"])
        XCTAssertEqual(counts.total, 3)
        XCTAssertEqual(counts.statuses.map(\.key), IdeaStatus.allCases)
        XCTAssertEqual(counts.statuses.map(\.count), [2, 0, 1, 0, 0])
        XCTAssertEqual(counts.categories.map(\.key), ["wellbeing-at-work", "other", "old-code"])
        XCTAssertEqual(counts.categories.map(\.count), [1, 1, 1])
        XCTAssertEqual(counts.years.map(\.key), [2025, 2026])
        XCTAssertEqual(counts.years.map(\.count), [1, 2])
    }

    func testSoitesSixCategoriesAreTheDefaultsWithOtherTheFallback() {
        XCTAssertEqual(IdeaCategoryDefaults.codes.count, 6)
        XCTAssertTrue(IdeaCategoryDefaults.codes.contains(IdeaCategoryDefaults.fallback))
    }
}
