import Foundation
import XCTest
@testable import KaikuCore

final class PublicSuppressionTests: XCTestCase {
    private let policy = SuppressionPolicy(minimumN: 5)

    // MARK: ComplementarySuppression

    func testOneSmallChildHidesTheSmallestShownSiblingToo() {
        // Arrange: parent 30 = 3 + 7 + 20; hiding only the 3 would leave 30 − 7 − 20 = 3 readable.
        let children = [3, 20, 7]

        // Act
        let hidden = ComplementarySuppression.hidden(parent: 30, children: children, policy: policy)

        // Assert
        XCTAssertEqual(hidden, [0, 2], "the 3 and the smallest shown sibling, 7: the rest is 10")
    }

    func testSmallChildrenTogetherAtTheMinimumNeedNoMoreHiding() {
        // Arrange: two hidden children of 2 and 3 make a rest of 5, the minimum.
        let children = [2, 3, 20]

        // Act
        let hidden = ComplementarySuppression.hidden(parent: 25, children: children, policy: policy)

        // Assert
        XCTAssertEqual(hidden, [0, 1])
    }

    func testParentsOwnAnswersCountAsAHiddenRest() {
        // Arrange: every child is large, but the parent has 2 answers of its own: 32 − 10 − 20 = 2.
        let children = [10, 20]

        // Act
        let hidden = ComplementarySuppression.hidden(parent: 32, children: children, policy: policy)

        // Assert
        XCTAssertEqual(hidden, [0])
    }

    func testNothingIsHiddenWhenEveryChildIsLargeAndTheRestIsEmpty() {
        // Arrange / Act
        let hidden = ComplementarySuppression.hidden(parent: 30, children: [10, 20], policy: policy)

        // Assert
        XCTAssertEqual(hidden, [])
    }

    func testAnEmptyChildAloneNeedsNoPartner() {
        // Arrange: a child with no answers is hidden, but the rest, 0, tells nothing about anyone.
        let hidden = ComplementarySuppression.hidden(parent: 30, children: [0, 10, 20], policy: policy)

        // Assert
        XCTAssertEqual(hidden, [0])
    }

    func testHidesEveryChildWhenTheRestStaysBelowTheMinimum() {
        // Arrange: with a minimum of 8, the hidden 2 and 3 make 5, too few, so the only shown child goes too.
        let strict = SuppressionPolicy(minimumN: 8)

        // Act
        let hidden = ComplementarySuppression.hidden(parent: 2 + 3 + 30, children: [2, 3, 30], policy: strict)

        // Assert
        XCTAssertEqual(hidden, [0, 1, 2])
    }

    func testEqualSiblingsHideTheFirstSoThatEveryInstanceAgrees() {
        let hidden = ComplementarySuppression.hidden(parent: 1 + 6 + 6, children: [1, 6, 6], policy: policy)
        XCTAssertEqual(hidden, [0, 1])
    }

    // MARK: PublicSuppression over a tree

    ///     R(1+9+6=16) ─ A(9) ─ A1(9)
    ///                 ├ B(6) ─ B1(4), B2(2)
    ///                 └ C(1)
    private func tree() -> (OrgTree<String>, [String: Tally]) {
        let tree = OrgTree<String>([("R", nil), ("A", "R"), ("A1", "A"), ("B", "R"), ("B1", "B"), ("B2", "B"), ("C", "R")])
        func tally(_ n: Int) -> Tally {
            var tally = Tally(responses: n)
            tally.add(recommendation: 9, count: n)
            tally.add(statement: "s", value: 4, count: n)
            return tally
        }
        return (tree, tree.rollUp(["A1": tally(9), "B1": tally(4), "B2": tally(2), "C": tally(1)]))
    }

    func testTreeHidesTheSmallSiblingItsPartnerAndEverythingUnderAHiddenUnit() {
        // Arrange
        let (tree, tallies) = tree()

        // Act
        let masks = PublicSuppression.masks(tree: tree, tallies: tallies, statementOrder: ["s"], policy: policy)

        // Assert: under R, C (1) is below the minimum and B (6), the smallest shown, hides with it: 16 − 9 = 7.
        XCTAssertNil(masks["R"]?.responses)
        XCTAssertNil(masks["A"]?.responses)
        XCTAssertEqual(masks["C"]?.responses, .belowMinimum)
        XCTAssertEqual(masks["B"]?.responses, .complementary)
        // B's children would give B back, so they are hidden too, each for its own reason.
        XCTAssertEqual(masks["B1"]?.responses, .belowMinimum)
        XCTAssertEqual(masks["B2"]?.responses, .belowMinimum)
        // A1 is all of A: nothing is hidden under A, and the rest is 0.
        XCTAssertNil(masks["A1"]?.responses)
        // A hidden unit's other figures are hidden with it; a shown one's follow the same rule by their own base.
        XCTAssertEqual(masks["B"]?.recommendation, .complementary)
        XCTAssertEqual(masks["B"]?.statements["s"], .complementary)
        XCTAssertNil(masks["A"]?.recommendation)
        XCTAssertNil(masks["A"]?.statements["s"])
    }

    func testTreeHidesARootBelowTheMinimumAndAllUnderIt() {
        let tree = OrgTree<String>([("R", nil), ("A", "R")])
        let masks = PublicSuppression.masks(tree: tree, tallies: ["R": Tally(responses: 3), "A": Tally(responses: 3)],
                                            statementOrder: [], policy: policy)
        XCTAssertEqual(masks["R"]?.responses, .belowMinimum)
        XCTAssertEqual(masks["A"]?.responses, .belowMinimum)
    }

    func testRecommendationIsHiddenByItsOwnBase() {
        // Arrange: two children of 10 responses each, but one has only 2 recommendation answers.
        let tree = OrgTree<String>([("R", nil), ("A", "R"), ("B", "R")])
        var a = Tally(responses: 10)
        a.add(recommendation: 10, count: 2)
        var b = Tally(responses: 10)
        b.add(recommendation: 0, count: 10)

        // Act
        let masks = PublicSuppression.masks(tree: tree, tallies: tree.rollUp(["A": a, "B": b]), statementOrder: [], policy: policy)

        // Assert: both lines are shown, but neither NPS, or R's NPS minus B's would give A's.
        XCTAssertNil(masks["A"]?.responses)
        XCTAssertNil(masks["B"]?.responses)
        XCTAssertEqual(masks["A"]?.recommendation, .belowMinimum)
        XCTAssertEqual(masks["B"]?.recommendation, .complementary)
        XCTAssertNil(masks["R"]?.recommendation)
    }

    // MARK: PublicSnapshotRule

    func testSnapshotIsCheckedAtMostOnceAnHour() {
        let taken = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertFalse(PublicSnapshotRule.isDue(checkedAt: taken, now: taken.addingTimeInterval(3_599)))
        XCTAssertTrue(PublicSnapshotRule.isDue(checkedAt: taken, now: taken.addingTimeInterval(3_600)))
    }

    func testSnapshotIsReplacedOnlyByAtLeastTheMinimumOfNewAnswers() {
        XCTAssertFalse(PublicSnapshotRule.replaces(countedThen: 40, countedNow: 41, policy: policy), "one answer would be readable")
        XCTAssertFalse(PublicSnapshotRule.replaces(countedThen: 40, countedNow: 44, policy: policy))
        XCTAssertTrue(PublicSnapshotRule.replaces(countedThen: 40, countedNow: 45, policy: policy))
        XCTAssertFalse(PublicSnapshotRule.replaces(countedThen: 40, countedNow: 30, policy: policy), "answers purged are no reason")
    }

    func testPublicPeriodsEndToday() {
        let today = CalendarDay(year: 2026, month: 3, day: 31)!
        XCTAssertEqual(PublicPeriod.last30days.from(today: today), CalendarDay(year: 2026, month: 3, day: 2)!)
        XCTAssertEqual(PublicPeriod.last12months.from(today: today), CalendarDay(year: 2025, month: 4, day: 1)!)
    }
}
