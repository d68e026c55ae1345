import Foundation
import KaikuCore
import XCTest
@testable import KaikuWeb

final class AnnualReportPageModelTests: XCTestCase {
    private func model(year: Int?) -> AnnualReportPageModel {
        var model = AnnualReportPageModel(unit: "A1", unitOptions: [], years: 2000...2026, language: .sv)
        model.year = year
        return model
    }

    func testLinksCarryTheUnitYearAndLanguageOnlyOnceAYearIsChosen() {
        XCTAssertNil(model(year: nil).link(.html))
        let html = model(year: 2025).link(.html) ?? ""
        let pdf = model(year: 2025).link(.pdf) ?? ""
        XCTAssertTrue(html.hasPrefix("/staff/reports/annual.html?"), html)
        XCTAssertTrue(pdf.hasPrefix("/staff/reports/annual.pdf?"), pdf)
        for part in ["unit=A1", "year=2025", "lang=sv"] { XCTAssertTrue(html.contains(part), "\(part) in \(html)") }
    }

    func testTheYearsOfferedAreTheLastTenNewestFirst() {
        XCTAssertEqual(model(year: nil).yearOptions, Array((2017...2026).reversed()))
    }

    func testAReportFileIsNamedForItsYearAndUnit() {
        XCTAssertEqual(AnnualReportFormat.allCases.map(\.rawValue), ["html", "pdf"])
        XCTAssertThrowsError(try AnnualReportFormat.parse("PDF"))
        XCTAssertEqual(try AnnualReportFormat.parse(nil), .html)
        XCTAssertEqual(AnnualReportStyle.quoted("a\"b</style>"), "\"a\\22 b\\3c /style\\3e \"")
    }
}
