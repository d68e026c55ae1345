import Foundation
import KaikuCore
import XCTVapor
@testable import KaikuWeb

final class ReportsAPITests: XCTestCase {
    /// A1: 10, 9, 9, 3, 7 → P3 D1 of 5 → NPS 40 (kiosk).
    /// A2: 10, 0, 0, 8, 6, 9 → P2 D3 of 6 → NPS −17 (web, Swedish).
    /// B1: 10, 10 → two answers, below the minimum of 5.
    private func seed(_ app: Application) async throws -> TestWorld {
        let world = try await TestWorld.make(on: app)
        for score in [10, 9, 9, 3, 7] {
            try await TestWorld.submit(app, target: "t-a1", nps: score, statements: ["felt_safe": score > 8 ? 5 : 2], channel: "kiosk")
        }
        for score in [10, 0, 0, 8, 6, 9] {
            try await TestWorld.submit(app, target: score == 9 ? "t-a2b" : "t-a2", nps: score, language: "sv")
        }
        for _ in 0..<2 { try await TestWorld.submit(app, target: "t-b1", nps: 10, statements: ["felt_safe": nil]) }
        try await TestWorld.submit(app, target: "t-x", nps: 0)
        return world
    }

    private func summary(_ app: Application, _ token: String, _ query: String) async throws -> XCTHTTPResponse {
        try await app.send(.GET, "/api/v1/reports/summary?\(query)", token: token)
    }

    func testWholeOrganisationFiguresRollUpEveryUnit() async throws {
        try await withApp { app in
            let world = try await seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let body = try await summary(app, token, "unit=ROOT").object
            XCTAssertEqual(body["n"] as? Int, 13, "another organisation's answer is not counted")
            XCTAssertEqual(body["promoters"] as? Int, 7)
            XCTAssertEqual(body["passives"] as? Int, 2)
            XCTAssertEqual(body["detractors"] as? Int, 4)
            XCTAssertEqual(body["nps"] as? Int, 23, "(7 − 4) / 13 = 23.1 %")
            let statements = try XCTUnwrap(body["statements"] as? [[String: Any]])
            let feltSafe = try XCTUnwrap(statements.first { $0["id"] as? String == "felt_safe" })
            XCTAssertEqual(feltSafe["n"] as? Int, 5, "cannot say is not counted")
            XCTAssertEqual(try XCTUnwrap(feltSafe["mean"] as? Double), 3.8, accuracy: 0.001, "(5+5+5+2+2)/5")
        }
    }

    func testGroupsByChildUnitSuppressSmallGroupsAsNull() async throws {
        try await withApp { app in
            let world = try await seed(app)
            let token = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let body = try await summary(app, token, "unit=ROOT&groupBy=unit").object
            let groups = try XCTUnwrap(body["groups"] as? [[String: Any]])
            XCTAssertEqual(groups.map { $0["key"] as? String }, ["A", "B"])
            XCTAssertEqual(groups[0]["n"] as? Int, 11)
            XCTAssertEqual(groups[0]["nps"] as? Int, 9, "(5 − 4) / 11 = 9.1 %")
            XCTAssertEqual(groups[1]["n"] as? Int, 2, "n is always given")
            for key in ["nps", "promoters", "passives", "detractors"] {
                XCTAssertTrue(groups[1][key] is NSNull, "\(key) must be null, not missing or a number")
            }
            let aStatements = try XCTUnwrap(groups[0]["statements"] as? [[String: Any]])
            let feltSafe = try XCTUnwrap(aStatements.first { $0["id"] as? String == "felt_safe" })
            XCTAssertEqual(feltSafe["n"] as? Int, 5)
            let bStatements = try XCTUnwrap(groups[1]["statements"] as? [[String: Any]])
            XCTAssertTrue(bStatements.allSatisfy { $0["mean"] is NSNull })
        }
    }

    func testGroupsByChannelLanguageAndMonth() async throws {
        try await withApp { app in
            let world = try await seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let channels = try await summary(app, token, "unit=A&groupBy=channel").object["groups"] as? [[String: Any]] ?? []
            XCTAssertEqual(channels.map { $0["key"] as? String }, ["kiosk", "web"])
            XCTAssertEqual(channels.map { $0["nps"] as? Int }, [40, -17])
            let languages = try await summary(app, token, "unit=ROOT&groupBy=language").object["groups"] as? [[String: Any]] ?? []
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: languages.map { ($0["key"] as! String, $0["n"] as! Int) }), ["fi": 7, "sv": 6])
            let months = try await summary(app, token, "unit=ROOT&groupBy=month").object["groups"] as? [[String: Any]] ?? []
            let today = CalendarDay(date: Date(), timeZone: TimeZone(identifier: "Europe/Helsinki")!)
            XCTAssertEqual(months.map { $0["key"] as? String }, [String(format: "%04d-%02d", today.year, today.month)])
            XCTAssertEqual(months.first?["n"] as? Int, 13)
        }
    }

    func testPeriodFiltersByOrganisationCalendarDays() async throws {
        try await withApp { app in
            let world = try await seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let body = try await summary(app, token, "unit=ROOT&from=2020-01-01&to=2020-12-31").object
            XCTAssertEqual(body["n"] as? Int, 0)
            XCTAssertTrue(body["nps"] is NSNull)
        }
    }

    func testReportsOutsideTheCallersScopeAreRefused() async throws {
        try await withApp { app in
            let world = try await seed(app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let sibling = try await summary(app, handler, "unit=B")
            XCTAssertEqual(sibling.status, .forbidden)
            let otherOrganisation = try await summary(app, handler, "unit=X")
            let unknown = try await summary(app, handler, "unit=NOPE")
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(otherOrganisation.status, .notFound, "another organisation's unit is answered as an unknown one")
            XCTAssertEqual((otherOrganisation.object["error"] as? String)?.replacingOccurrences(of: "code X ", with: "code NOPE "), unknown.object["error"] as? String)
            XCTAssertEqual(otherOrganisation.object["field"] as? String, unknown.object["field"] as? String)
            let own = try await summary(app, handler, "")
            XCTAssertEqual(own.object["unit"] as? String, "A", "without unit= the caller's own unit is reported")
        }
    }

    func testInvalidReportParametersGet400() async throws {
        try await withApp { app in
            let world = try await seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            for (query, field) in [("from=2026-13-01", "from"), ("to=yesterday", "to"), ("from=2026-05-02&to=2026-05-01", "from"),
                                  ("from=2010-01-01&to=2026-05-01", "from"), ("groupBy=colour", "groupBy")] {
                let response = try await summary(app, token, query)
                XCTAssertEqual(response.status, .badRequest, query)
                XCTAssertEqual(response.object["field"] as? String, field, query)
            }
        }
    }

    /// The organisation comes with the token's read (`Request.staffOrganisation`):
    /// it must be the organisation as it is at each request, never one kept from before.
    func testSummaryUsesTheOrganisationAsItIsAtEachRequest() async throws {
        try await withApp { app in
            let world = try await seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let before = try await summary(app, token, "unit=ROOT&groupBy=unit").object
            XCTAssertEqual(before["minimumN"] as? Int, 5)
            XCTAssertTrue((try XCTUnwrap(before["groups"] as? [[String: Any]]))[1]["nps"] is NSNull, "B's two answers are under 5")

            world.organisation.minimumN = 2
            try await world.organisation.save(on: app.db)
            let after = try await summary(app, token, "unit=ROOT&groupBy=unit").object

            XCTAssertEqual(after["minimumN"] as? Int, 2)
            XCTAssertEqual((try XCTUnwrap(after["groups"] as? [[String: Any]]))[1]["nps"] as? Int, 100, "B's two promoters now show")
        }
    }
}
