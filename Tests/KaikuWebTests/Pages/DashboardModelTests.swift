import Foundation
import KaikuCore
@testable import KaikuStore
@testable import KaikuWeb
import XCTest

/// The dashboard's choices and shaping rules as values.
final class DashboardModelTests: XCTestCase {
    let zone = TimeZone(identifier: "Europe/Helsinki")!

    func period(days: Int) -> ReportPeriod {
        let to = CalendarDay(year: 2026, month: 5, day: 28)!
        return ReportPeriod(from: to.adding(days: -days), to: to)
    }

    func testAnUnknownSortColumnSortsByName() {
        let known = DashboardModel.Sort(column: "felt_safe", direction: "desc", statements: ["felt_safe"])
        XCTAssertEqual(known, DashboardModel.Sort(column: "felt_safe", descending: true))
        XCTAssertEqual(DashboardModel.Sort(column: "password", direction: "up", statements: ["felt_safe"]), DashboardModel.Sort())
    }

    func testWeeklyTrendsOnlyForPeriodsOfUpToTwoYears() {
        XCTAssertEqual(DashboardModel.trend("week", period: period(days: 90)), .week)
        XCTAssertEqual(DashboardModel.trend("week", period: period(days: DashboardModel.longestWeeklyTrend + 1)), .month)
        XCTAssertEqual(DashboardModel.trend(nil, period: period(days: 90)), .month)
        XCTAssertEqual(DashboardModel.trend("day", period: period(days: 90)), .month)
    }

    func testLinksKeepUnitPeriodAndLanguage() {
        let link = DashboardModel.link(unit: "ER 1", period: period(days: 1), language: .sv, extra: [("sort", "n")])
        XCTAssertEqual(link, "/staff/dashboard?unit=ER%201&from=2026%2D05%2D27&to=2026%2D05%2D28&sort=n&lang=sv")
    }

    func testAKioskIsLastSeenAsEachLanguageWritesATime() {
        let seen = Date(timeIntervalSince1970: 1_780_000_000)
        XCTAssertEqual(DashboardModel.kiosk(name: "K", unit: "U", status: .offline, lastSeen: seen, zone: zone, language: .fi).lastSeen, "28.5.2026 23:26")
        XCTAssertEqual(DashboardModel.kiosk(name: "K", unit: "U", status: .offline, lastSeen: seen, zone: zone, language: .en).lastSeen, "2026-05-28 23:26")
        XCTAssertEqual(DashboardModel.kiosk(name: "K", unit: "U", status: .unpaired, lastSeen: nil, zone: zone, language: .en).lastSeen, "–")
    }

    func testTheAddressChoiceIsReadAsSent() {
        let query = ["unit": "A", "from": "2026-01-01", "dir": "desc", "lang": "sv"]
        XCTAssertEqual(DashboardChoice { query[$0] }, DashboardChoice(unit: "A", from: "2026-01-01", direction: "desc"))
    }
}
