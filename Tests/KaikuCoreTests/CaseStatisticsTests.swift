import Foundation
import XCTest
@testable import KaikuCore

final class CaseStatisticsTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private func hours(_ h: Double) -> Date { now.addingTimeInterval(h * 3_600) }

    func testReactionTimeRunsToTheFirstContactAndCountsStillOpenCases() {
        let stats = CaseStatistics([
            .init(receivedAt: hours(-100), dueAt: hours(236), closedAt: hours(-10), firstContactAt: hours(-98)),
            .init(receivedAt: hours(-50), dueAt: hours(286), closedAt: nil, firstContactAt: hours(-46)), // called, not yet answered
            .init(receivedAt: hours(-400), dueAt: hours(-64), closedAt: nil, firstContactAt: hours(-40)), // contacted after the due time
            .init(receivedAt: hours(-5), dueAt: hours(331), closedAt: nil),
        ], now: now)
        XCTAssertEqual(stats.reacted, 3)
        XCTAssertEqual(stats.medianReactionHours, 4)
        XCTAssertEqual(stats.reactionKeptPercent, 67)
        XCTAssertEqual(stats.medianHandlingHours, 90, "the answer time is the first case's alone")
    }

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

    func testCountsFromTheDatabaseGiveTheSameFiguresAsTheCasesThemselves() {
        var generator = SeededGenerator(seed: 7)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for round in 0..<50 {
            let items = (0..<Int.random(in: 1...60, using: &generator)).map { _ in
                let received = now.addingTimeInterval(-Double.random(in: 0...(40 * 86_400), using: &generator))
                let due = received.addingTimeInterval(14 * 86_400)
                let handled = Double.random(in: 60...(20 * 86_400), using: &generator)
                let closed = received.addingTimeInterval(handled) < now ? received.addingTimeInterval(handled) : nil
                return CaseStatistics.Item(receivedAt: received, dueAt: due, closedAt: closed)
            }
            let exact = CaseStatistics(items, now: now)
            let finished = items.filter { $0.closedAt != nil }
            var buckets: [Int: Int] = [:]
            for item in finished {
                buckets[Int(item.closedAt!.timeIntervalSince(item.receivedAt) / CaseStatistics.histogramBucketSeconds), default: 0] += 1
            }

            let counted = CaseStatistics(pending: exact.pending, late: exact.late, dueSoon: exact.dueSoon, finished: finished.count,
                                         keptPromise: finished.filter { $0.closedAt! <= $0.dueAt }.count, handlingBuckets: buckets)

            XCTAssertEqual(counted.promiseKeptPercent, exact.promiseKeptPercent, "round \(round)")
            if let median = exact.medianHandlingHours {
                // Bucketing moves a value by at most half a bucket (0.005 h); shown to a tenth of an hour.
                XCTAssertEqual(counted.medianHandlingHours ?? -1, median, accuracy: 0.1 + 1e-9, "round \(round)")
            } else {
                XCTAssertNil(counted.medianHandlingHours)
            }
        }
    }
}
