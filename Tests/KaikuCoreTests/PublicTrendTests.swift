import Foundation
import XCTest
@testable import KaikuCore

/// The 12-month trend hides a month below the minimum, and whatever would
/// let it be worked out from the unit's other months or its neighbours' same month.
final class PublicTrendTests: XCTestCase {
    private let policy = SuppressionPolicy(minimumN: 5)

    /// `n` answers, all of them recommendation answers of 10.
    private func tally(_ n: Int) -> Tally {
        var tally = Tally(responses: n)
        tally.recommendation[10] = n
        return tally
    }

    private func hiddenMonths(_ masks: [[String: PublicSuppression.Mask]], _ unit: String) -> [Int] {
        masks.indices.filter { masks[$0][unit]?.responses != nil }
    }

    func testTheTwelveWholeMonthsBeforeThisOneOldestFirst() {
        let today = CalendarDay(year: 2026, month: 1, day: 15)!

        let months = PublicTrend.monthStarts(today: today)

        XCTAssertEqual(months.count, 12)
        XCTAssertEqual(months.first, CalendarDay(year: 2025, month: 1, day: 1))
        XCTAssertEqual(months.last, CalendarDay(year: 2025, month: 12, day: 1), "January 2026 is under way, so not in the trend")
        XCTAssertEqual(PublicTrend.monthEnd(CalendarDay(year: 2024, month: 2, day: 1)!), CalendarDay(year: 2024, month: 2, day: 29))
    }

    func testOneSmallMonthHidesTheSmallestOtherMonthSoTheSumGivesNothingAway() {
        // Arrange: a unit alone, 20 answers a month but 3 in month 4 and 8 in month 9.
        let tree = OrgTree<String>([(id: "U", parent: nil)])
        let counts = [20, 20, 20, 20, 3, 20, 20, 20, 20, 8, 20, 20]

        // Act
        let masks = PublicTrend.masks(tree: tree, tallies: counts.map { ["U": tally($0)] }, policy: policy)

        // Assert: 3 alone could be had as the sum less the shown months; with the 8 hidden too the rest is 11.
        XCTAssertEqual(hiddenMonths(masks, "U"), [4, 9])
        XCTAssertEqual(masks[4]["U"]?.responses, .belowMinimum)
        XCTAssertEqual(masks[9]["U"]?.responses, .complementary)
        XCTAssertEqual(masks[9]["U"]?.recommendation, .complementary, "no NPS where n is hidden")
    }

    func testAMonthIsHiddenWhereTheParentAndASiblingWouldGiveAwayASmallSibling() {
        // Arrange: P = A + B; in month 0, B has 2 answers, so A's 10 beside P's 12 would give B's away.
        let tree = OrgTree<String>([(id: "P", parent: nil), (id: "A", parent: "P"), (id: "B", parent: "P")])
        var months: [[String: Tally]] = (0..<12).map { _ in ["P": tally(40), "A": tally(20), "B": tally(20)] }
        months[0] = ["P": tally(12), "A": tally(10), "B": tally(2)]

        // Act
        let masks = PublicTrend.masks(tree: tree, tallies: months, policy: policy)

        // Assert
        XCTAssertEqual(masks[0]["B"]?.responses, .belowMinimum)
        XCTAssertEqual(masks[0]["A"]?.responses, .complementary, "A's month beside P's would give B's")
        XCTAssertNil(masks[0]["P"]?.responses, "the parent's month is shown")
        // B's 2 could be had from the sum of its months less the shown ones, so another of its months goes;
        // A's hidden 10 is no small group, so A's other months stay.
        XCTAssertEqual(hiddenMonths(masks, "B"), [0, 1], "ties go to the first month")
        XCTAssertEqual(hiddenMonths(masks, "A"), [0])
    }

    func testEveryMonthLargeEnoughShowsEverything() {
        let tree = OrgTree<String>([(id: "U", parent: nil)])

        let masks = PublicTrend.masks(tree: tree, tallies: (0..<12).map { _ in ["U": tally(6)] }, policy: policy)

        XCTAssertEqual(hiddenMonths(masks, "U"), [])
        XCTAssertTrue(masks.allSatisfy { $0["U"]?.recommendation == nil })
    }
}
