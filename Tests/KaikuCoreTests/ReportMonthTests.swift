import KaikuCore
import XCTest

final class ReportMonthTests: XCTestCase {
    func testParsesOnlyYearDashMonth() {
        XCTAssertEqual(ReportMonth("2026-11")?.key, 202611)
        for wrong in ["2026-13", "2026-1", "26-11", "2026/11", "2026-11-01", "", "２０２６-11", "2026-00"] {
            XCTAssertNil(ReportMonth(wrong), wrong)
        }
    }

    func testMonthsAroundTheTurnOfTheYear() throws {
        let january = try XCTUnwrap(ReportMonth(year: 2027, month: 1))
        XCTAssertEqual(january.previous.description, "2026-12")
        XCTAssertEqual(january.yearAgo.description, "2026-01")
        XCTAssertEqual(january.adding(months: 13).description, "2028-02")
        XCTAssertEqual(try XCTUnwrap(ReportMonth(year: 2028, month: 2)).last.description, "2028-02-29")
    }

    func testReportGoesOutOnTheFirstWorkingDayOfTheNextMonth() throws {
        // 1 January 2027 is New Year's Day (Friday); then a weekend.
        XCTAssertEqual(try XCTUnwrap(ReportMonth(year: 2026, month: 12)).reportDay.day.description, "2027-01-04")
        // 1 May 2026 is May Day (Friday).
        XCTAssertEqual(try XCTUnwrap(ReportMonth(year: 2026, month: 4)).reportDay.day.description, "2026-05-04")
        XCTAssertEqual(try XCTUnwrap(ReportMonth(year: 2026, month: 11)).reportDay.day.description, "2026-12-01")
    }
}
