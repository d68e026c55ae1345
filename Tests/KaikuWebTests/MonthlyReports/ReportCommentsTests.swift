import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import XCTVapor
@testable import KaikuWeb

/// The example comments of a report: the newest of the period, however far
/// back in it they lie, and only from units with the minimum number of answers.
final class ReportCommentsTests: XCTestCase {
    /// An answer with open text on `day` (yyyymmdd).
    private func comment(_ app: Application, target: String, _ text: String, day: Int) async throws {
        let id = try await TestWorld.submit(app, target: target, nps: 7, extra: ["openText": text]).id
        try await (app.db as! any SQLDatabase).raw("UPDATE responses SET local_day = \(bind: day) WHERE id = \(bind: id)").run()
    }

    func testNewestCommentsOfLargeUnitsAreFoundAcrossThePeriod() async throws {
        try await withApp { app in
            // Setup: the period is March 2026. A1's comments lie ever further back from its
            // last day; A2 has the newest comment of all but only two answers (minimum n 3).
            let world = try await TestWorld.make(on: app, minimumN: 3)
            for (day, text) in [(20260330, "toiseksi viimeinen"), (20260326, "kolmas"), (20260321, "neljäs"), (20260302, "vanhin")] {
                try await comment(app, target: "t-a1", text, day: day)
            }
            try await comment(app, target: "t-a1", "helmikuussa", day: 20260227)
            try await comment(app, target: "t-a2", "pienen ryhmän", day: 20260331)
            let other = try await TestWorld.submit(app, target: "t-a2", nps: 3).id
            try await (app.db as! any SQLDatabase).raw("UPDATE responses SET local_day = 20260331 WHERE id = \(bind: other)").run()
            try await RollupRecount.run(app)
            let units = try ["A", "A1", "A2"].map { try world.units[$0]!.requireID() }

            // Act
            let newest = try await ReportComments.examples(
                organisationID: world.units["A"]!.organisationID, units: units, from: CalendarDay(rawValue: 20260301)!,
                to: CalendarDay(rawValue: 20260331)!, minimumN: 3, limit: 3, on: app.db)
            let all = try await ReportComments.examples(
                organisationID: world.units["A"]!.organisationID, units: units, from: CalendarDay(rawValue: 20260301)!,
                to: CalendarDay(rawValue: 20260331)!, minimumN: 3, limit: 10, on: app.db)

            // Assert
            XCTAssertEqual(newest.map(\.text), ["toiseksi viimeinen", "kolmas", "neljäs"])
            XCTAssertEqual(all.map(\.text), ["toiseksi viimeinen", "kolmas", "neljäs", "vanhin"], "only the period, only large units")
            XCTAssertEqual(Set(all.map(\.unitID)), [try world.units["A1"]!.requireID()])
        }
    }
}
