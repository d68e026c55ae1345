import KaikuCore
import XCTest
@testable import KaikuWeb

final class TargetEditorModelTests: XCTestCase {
    func testSearchMatchesCodeNamesAndKeywordsIgnoringCaseAndAccents() {
        let names = LocalizedText(fi: "Hammashoitola, Keskusta", sv: "Tandklinik, Centrum", en: "")
        XCTAssertTrue(TargetListModel.matches("KESKUSTA", code: "t-1", names: names, keywords: ""))
        XCTAssertTrue(TargetListModel.matches("tandlakare", code: "t-1", names: names, keywords: "hammaslääkäri tandläkare"))
        XCTAssertTrue(TargetListModel.matches("t-1", code: "t-1", names: names, keywords: ""))
        XCTAssertFalse(TargetListModel.matches("neuvola", code: "t-1", names: names, keywords: "dentist"))
        XCTAssertTrue(TargetListModel.matches("", code: "t-1", names: names, keywords: ""), "no search shows everything")
    }

    func testPagesHoldFiftyRowsAndAPageBeyondTheEndIsEmpty() {
        let rows = (1...120).map { TargetListModel.Row(code: "t\($0)", name: "T\($0)", unit: "", keywords: "", active: true, unitClosed: false) }
        XCTAssertEqual(TargetListModel.page(rows, number: 1).count, 50)
        XCTAssertEqual(TargetListModel.page(rows, number: 3).map(\.code).first, "t101")
        XCTAssertEqual(TargetListModel.page(rows, number: 4), [])
    }

    func testFiltersDropUnknownValuesAndBoundThePage() {
        let filters = TargetListFilters { ["status": "deleted", "page": "999999", "q": "  hammas "][$0] }
        XCTAssertEqual(filters.status, .all)
        XCTAssertEqual(filters.page, 10_000)
        XCTAssertEqual(filters.q, "hammas")
        XCTAssertEqual(filters.url(page: 2), "/staff/admin/targets?q=hammas&page=2")
    }

    func testErrorsAreListedInTheOrderOfTheFormsFields() {
        var model = TargetFormModel(editing: nil, form: TargetForm(), units: [])
        model.errors = ["keywords": "keywords", "name.sv": "name", "code": "codeTaken"]
        XCTAssertEqual(model.orderedErrors.map(\.input), ["f-code", "f-nameSv", "f-keywords"])
        XCTAssertEqual(model.orderedErrors.map(\.key), ["codeTaken", "name", "keywords"])
    }

    func testAnUntickedActiveBoxMeansInactive() {
        XCTAssertFalse(TargetForm(code: "x", active: nil).fields.active)
        XCTAssertTrue(TargetForm(code: "x", active: "1").fields.active)
    }
}
