import Foundation
import KaikuCore
import XCTest
@testable import KaikuWeb

/// The idea pages' models as values: what the handling form offers, which
/// notices a redirect may ask for, and the named counts.
final class IdeasModelTests: XCTestCase {
    func testTheHandlingFormOffersThePresentStatusAndOnlyTheStepsAllowedFromIt() {
        XCTAssertEqual(IdeaModel.statusChoices(from: .new), [.new, .underReview])
        XCTAssertEqual(IdeaModel.statusChoices(from: .underReview), [.underReview, .accepted, .declined])
        XCTAssertEqual(IdeaModel.statusChoices(from: .declined), [.declined], "nothing after a decline")
    }

    func testOnlyKnownNoticesAreShown() {
        XCTAssertEqual(IdeaModel.notice(done: "handled"), "staff.ideas.done.handled")
        XCTAssertNil(IdeaModel.notice(done: "<script>"))
        XCTAssertEqual(IdeasModel.notice(done: "submitted"), "staff.ideas.done.submitted")
        XCTAssertNil(IdeasModel.notice(done: nil))
    }

    func testCountsAreNamedAndKeepTheirZeros() {
        let counts = IdeaCounts(rows: [(.accepted, "other", 2026)], categoryCodes: ["wellbeing-at-work", "other"])
        let named = IdeasModel.counts(counts, statusName: { $0.rawValue.uppercased() }, categoryName: { "name of \($0)" })
        XCTAssertEqual(named.statuses.map(\.count), [0, 0, 1, 0, 0])
        XCTAssertEqual(named.statuses[2].label, "ACCEPTED")
        XCTAssertEqual(named.categories.map(\.label), ["name of wellbeing-at-work", "name of other"])
        XCTAssertEqual(named.years.map(\.label), ["2026"])
    }

    func testTheFiltersQueryLeavesOutTheEmptyOnes() {
        let filters = IdeaListFilters(status: "accepted", category: "", unit: "A1", year: "")
        XCTAssertEqual(filters.query.map(\.0), ["status", "unit"])
        XCTAssertEqual(filters.query.map(\.1), ["accepted", "A1"])
    }
}
