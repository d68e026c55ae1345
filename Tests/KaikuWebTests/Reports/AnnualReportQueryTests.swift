import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The annual report's figures come from the summary API's query: for the
/// same unit and year they are the API's, groups and suppression included.
final class AnnualReportQueryTests: XCTestCase {
    private func load(_ app: Application, _ world: TestWorld, unit: String, year: Int) async throws -> AnnualReportData {
        let history = try await SurveyStore.history(for: world.organisation, on: app.db)
        let units = try await OrgUnit.all(in: world.organisation.requireID(), on: app.db)
        return try await AnnualReportQuery.load(organisation: world.organisation, unit: world.units[unit]!, units: units, year: year,
                                                statementOrder: history.reportStatementOrder, answeredOnly: history.droppedStatements,
                                                now: AnnualReportWorld.now, on: app.db)
    }

    func testYearFiguresEqualTheSummaryAPIForTheSameYear() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let data = try await load(app, world, unit: "ROOT", year: 2026)
            for (year, figures) in [(2026, data.current), (2025, data.previous)] {
                let api = try await AnnualReportWorld.summary(app, token: token, unit: "ROOT", year: year, groupBy: "unit")
                XCTAssertEqual(figures.whole.n, api["n"] as? Int, "n of \(year)")
                XCTAssertEqual(figures.whole.nps, api["nps"] as? Int, "NPS of \(year)")
                XCTAssertEqual(figures.whole.promoters, api["promoters"] as? Int)
                let groups = try XCTUnwrap(api["groups"] as? [[String: Any]])
                XCTAssertEqual(figures.groups.map(\.key), groups.map { $0["key"] as? String ?? "" })
                XCTAssertEqual(figures.groups.map(\.figures.n), groups.map { $0["n"] as? Int ?? -1 })
                XCTAssertEqual(figures.groups.map(\.figures.nps), groups.map { $0["nps"] as? Int })
            }
            XCTAssertEqual(data.current.whole.n, 13, "another organisation's answer and last year's are not counted")
            XCTAssertEqual(data.current.whole.nps, 23)
            XCTAssertEqual(data.previous.whole.n, 6)
            let languages = try XCTUnwrap(data.splits.first { $0.grouping == .language })
            let api = try await AnnualReportWorld.summary(app, token: token, unit: "ROOT", year: 2026, groupBy: "language")
            let apiGroups = try XCTUnwrap(api["groups"] as? [[String: Any]])
            XCTAssertEqual(languages.current.groups.map(\.key), apiGroups.map { $0["key"] as? String ?? "" })
            XCTAssertEqual(languages.current.groups.map(\.figures.nps), apiGroups.map { $0["nps"] as? Int })
            XCTAssertEqual(data.months.groups.map(\.key), ["2026-02"])
        }
    }

    func testGroupsBelowTheMinimumShowNoFigureInEitherYear() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let data = try await load(app, world, unit: "ROOT", year: 2026)
            let b = try XCTUnwrap(data.current.groups.first { $0.key == "B" })
            XCTAssertEqual(b.figures.n, 2, "n is always given")
            XCTAssertNil(b.figures.nps)
            XCTAssertNil(b.figures.promoters)
            XCTAssertNil(data.previous.groups.first { $0.key == "B" }?.figures.nps, "one answer last year")
            XCTAssertTrue(data.examples.isEmpty, "no open text, no examples")

            let b1 = try await load(app, world, unit: "B", year: 2026)
            XCTAssertNil(b1.current.whole.nps)
            XCTAssertTrue(b1.current.whole.statements.allSatisfy { $0.mean == nil })
        }
    }

    func testTheYearIsTheOrganisationsCalendarYear() throws {
        let days = try XCTUnwrap(AnnualReportQuery.days(of: 2024))
        XCTAssertEqual(days.from.description, "2024-01-01")
        XCTAssertEqual(days.to.description, "2024-12-31")
        let zone = TimeZone(identifier: "Europe/Helsinki")!
        XCTAssertEqual(try AnnualReportLoader.year(nil, now: AnnualReportWorld.now, timeZone: zone), 2025, "last year by default")
        XCTAssertEqual(try AnnualReportLoader.year("2026", now: AnnualReportWorld.now, timeZone: zone), 2026)
        for bad in ["2027", "1999", "20x6", "٢٠٢٦", "+2026", "02026"] {
            XCTAssertThrowsError(try AnnualReportLoader.year(bad, now: AnnualReportWorld.now, timeZone: zone), bad)
        }
    }
}
