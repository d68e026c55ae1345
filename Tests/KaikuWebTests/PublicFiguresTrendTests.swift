import Foundation
import KaikuCore
import XCTVapor
@testable import KaikuWeb

/// The 12-month trend on a unit's public page: whole months only, each
/// hidden below the minimum and where its neighbours would give it away,
/// and, like the period figures, not moved by a late answer or two.
final class PublicFiguresTrendTests: XCTestCase {
    /// The 15th of the month before this one, at noon in Helsinki: inside the trend, whatever today is.
    private func lastMonth(_ now: Date) -> (answeredAt: String, label: String) {
        let zone = TimeZone(identifier: "Europe/Helsinki") ?? .current
        let today = CalendarDay(date: now, timeZone: zone)
        let first = PublicTrend.monthStarts(today: today).last ?? today
        let day = CalendarDay(year: first.year, month: first.month, day: 15) ?? first
        let noon = day.start(in: zone).addingTimeInterval(12 * 3_600)
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return (ISO8601DateFormatter().string(from: noon), "\(english[first.month - 1]) \(first.year)")
    }

    /// The trend table's row for the month called `label`.
    private func row(_ page: String, _ label: String) -> String? {
        guard let table = page.components(separatedBy: "id=\"trend-table\"").dropFirst().first else { return nil }
        return table.components(separatedBy: "<tr>").first { $0.contains(">\(label)</th>") }
    }

    private func text(_ app: Application, _ path: String) async throws -> String {
        try await app.send(.GET, path).text
    }

    func testAWholeMonthShowsItsNPSAndNAndASmallSiblingsMonthStaysHidden() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let month = lastMonth(Date())
            for _ in 0..<6 { try await TestWorld.submit(app, target: "t-b1", nps: 10, extra: ["answeredAt": month.answeredAt]) }
            for _ in 0..<6 { try await TestWorld.submit(app, target: "t-a1", nps: 10, extra: ["answeredAt": month.answeredAt]) }
            for _ in 0..<3 { try await TestWorld.submit(app, target: "t-a2", nps: 0, extra: ["answeredAt": month.answeredAt]) }
            try await TestWorld.submit(app, target: "t-b1", nps: 0)  // this month: not in the trend

            let b1 = try await app.send(.GET, "/figures/units/B1?lang=en")
            XCTAssertEqual(b1.status, .ok)
            XCTAssertTrue(b1.text.contains("Month by month"), b1.text)
            let shown = try XCTUnwrap(row(b1.text, month.label), "a row for \(month.label)")
            XCTAssertTrue(shown.contains("<td class=\"num\">100</td><td class=\"num\">6</td>"), shown)
            XCTAssertEqual(b1.text.components(separatedBy: "id=\"trend-table\"").last?.components(separatedBy: "<th scope=\"row\">").count, 13,
                           "twelve months")

            let a2Page = try await text(app, "/figures/units/A2?lang=en")

            let a2 = try XCTUnwrap(row(a2Page, month.label))
            XCTAssertTrue(a2.contains("Too few answers to show") || a2.contains("fewer than 5"), a2)
            XCTAssertFalse(a2.contains(">3<"), "not even its n")
            let a1Page = try await text(app, "/figures/units/A1?lang=en")
            let a1 = try XCTUnwrap(row(a1Page, month.label))
            XCTAssertTrue(a1.contains("Hidden to protect a smaller group"), "A's month less A1's would give A2's: \(a1)")
            let aPage = try await text(app, "/figures/units/A?lang=en")
            let a = try XCTUnwrap(row(aPage, month.label))
            XCTAssertTrue(a.contains("<td class=\"num\">9</td>"), "the parent's month is shown: \(a)")
        }
    }

    func testALateAnswerDoesNotMoveAPublishedMonth() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            _ = try await TestWorld.make(on: app)
            let month = lastMonth(Date())
            for _ in 0..<6 { try await TestWorld.submit(app, target: "t-b1", nps: 10, extra: ["answeredAt": month.answeredAt]) }
            let firstPage = try await text(app, "/figures/units/B1?lang=en")
            let first = try XCTUnwrap(row(firstPage, month.label))
            XCTAssertTrue(first.contains("<td class=\"num\">100</td><td class=\"num\">6</td>"), first)

            // A paper answer entered late: read before and after, its score would fall out.
            try await TestWorld.submit(app, target: "t-b1", nps: 0, extra: ["answeredAt": month.answeredAt])
            clock.advance(by: 2 * 3_600)
            let laterPage = try await text(app, "/figures/units/B1?lang=en")
            let later = try XCTUnwrap(row(laterPage, month.label))
            XCTAssertTrue(later.contains("<td class=\"num\">100</td><td class=\"num\">6</td>"), "one late answer is fewer than the minimum: \(later)")

            for _ in 0..<4 { try await TestWorld.submit(app, target: "t-b1", nps: 0, extra: ["answeredAt": month.answeredAt]) }
            clock.advance(by: 2 * 3_600)
            let movedPage = try await text(app, "/figures/units/B1?lang=en")
            let moved = try XCTUnwrap(row(movedPage, month.label))
            XCTAssertTrue(moved.contains("<td class=\"num\">11</td>"), "five late answers publish the month anew: \(moved)")
        }
    }
}
