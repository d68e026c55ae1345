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

    func testARefusedIdeaFormNamesTheFieldToCorrect() {
        var model = IdeaFormModel(categories: [], units: [], draft: .init(), problem: .text(.tooLong(.description)))
        XCTAssertEqual(model.errorField, "f-description")
        XCTAssertTrue(model.invalid("description"))
        XCTAssertFalse(model.invalid("title"))
        model.problem = .unknownCategory
        XCTAssertEqual(model.errorField, "f-category")
    }

    func testANewCategoryNeedsAWellFormedUnusedCodeAndNamesInAllThreeLanguages() {
        let existing = IdeaCategoryDefaults.codes
        XCTAssertNil(IdeaCategoriesModel.codeProblem("digital", existing: existing))
        XCTAssertEqual(IdeaCategoriesModel.codeProblem("Digital!", existing: existing)?.messageKey, "admin.ideaCategories.error.code")
        XCTAssertEqual(IdeaCategoriesModel.codeProblem("other", existing: existing)?.messageKey, "admin.ideaCategories.error.takenCode")
        let missingSwedish = IdeaCategoriesModel.checkedName(LocalizedText(fi: "Digi", sv: " ", en: "Digital"), form: "digital")
        guard case .failure(let problem) = missingSwedish else { return XCTFail("a name without Swedish was taken") }
        XCTAssertEqual(problem.field, "sv")
        XCTAssertEqual(problem.form, "digital")
    }
}
