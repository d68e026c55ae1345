import Foundation
import XCTest
@testable import KaikuCore

final class CaseStatisticsTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private func hours(_ h: Double) -> Date { now.addingTimeInterval(h * 3_600) }

    func testCountsPendingLateAndDueSoon() {
        let stats = CaseStatistics([
            .init(receivedAt: hours(-400), dueAt: hours(-10), closedAt: nil), // late
            .init(receivedAt: hours(-300), dueAt: hours(24), closedAt: nil), // due within two days
            .init(receivedAt: hours(-10), dueAt: hours(300), closedAt: nil),
        ], now: now)
        XCTAssertEqual(stats.pending, 3)
        XCTAssertEqual(stats.late, 1)
        XCTAssertEqual(stats.dueSoon, 1)
        XCTAssertEqual(stats.finished, 0)
        XCTAssertNil(stats.medianHandlingHours)
        XCTAssertNil(stats.promiseKeptPercent)
    }

    func testMedianHandlingTimeAndShareOfPromisesKept() {
        // Handling times 10, 20, 30 and 100 hours; the 100-hour one missed its 48-hour promise.
        let items = [10.0, 20, 30, 100].map { handled in
            CaseStatistics.Item(receivedAt: hours(-200), dueAt: hours(-200 + 48), closedAt: hours(-200 + handled))
        }
        let stats = CaseStatistics(items, now: now)
        XCTAssertEqual(stats.finished, 4)
        XCTAssertEqual(stats.medianHandlingHours, 25)
        XCTAssertEqual(stats.promiseKeptPercent, 75)
        XCTAssertEqual(stats.pending, 0)
    }

    func testOddNumberOfCasesTakesTheMiddleOne() {
        let items = [5.0, 7, 90].map { CaseStatistics.Item(receivedAt: hours(-100), dueAt: hours(0), closedAt: hours(-100 + $0)) }
        XCTAssertEqual(CaseStatistics(items, now: now).medianHandlingHours, 7)
    }
}
