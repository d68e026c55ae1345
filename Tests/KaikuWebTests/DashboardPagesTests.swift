import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The staff dashboard: figures rolled up the tree, compared with the parent
/// and the organisation, small groups suppressed in every table, and the
/// child units sortable by any column without JavaScript.
final class DashboardPagesTests: XCTestCase {
    private func signedIn(_ app: Application, _ world: TestWorld, role: User.Role = .supervisor, unit: String) async throws -> StaffBrowser {
        let email = "\(role.rawValue)-\(unit.lowercased())@test.example"
        try await User(organisationID: world.units[unit]!.organisationID, email: email, passwordHash: try await app.password.async.hash(TestWorld.password),
                       role: role, unitID: try world.units[unit]!.requireID()).create(on: app.db)
        let browser = StaffBrowser(app)
        let response = try await browser.signIn(email: email)
        XCTAssertEqual(response.status, .seeOther)
        return browser
    }

    /// A1: NPS 10, 10, 0 with the first statement 5, 4, 3; A2: one 9 (below the minimum of 3); B1: three 0s.
    private func answer(_ app: Application) async throws {
        for (nps, statement) in [(10, 5), (10, 4), (0, 3)] {
            try await TestWorld.submit(app, target: "t-a1", nps: nps, statements: ["smooth_access": statement])
        }
        try await TestWorld.submit(app, target: "t-a2", nps: 9, language: "sv")
        for _ in 0..<3 { try await TestWorld.submit(app, target: "t-b1", nps: 0, channel: "paper") }
    }

    /// The cells of the table row whose `data-key` is `key`, as text.
    private func row(_ key: String, in page: String, table: String) throws -> [String] {
        let tableStart = try XCTUnwrap(page.range(of: "<table id=\"\(table)\""), "no table \(table)")
        let rest = page[tableStart.upperBound...]
        let tableText = rest[..<(rest.range(of: "</table>")?.lowerBound ?? rest.endIndex)]
        let start = try XCTUnwrap(tableText.range(of: "<tr data-key=\"\(key)\">"), "no row \(key) in \(table)")
        let rowText = tableText[start.upperBound...]
        let cells = rowText[..<rowText.range(of: "</tr>")!.lowerBound]
        let pattern = try NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>")
        let text = String(cells)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            String(text[Range(match.range(at: 1), in: text)!])
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        }
    }

    func testDashboardRollsUpComparesAndSuppressesSmallGroups() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            try await answer(app)
            let browser = try await signedIn(app, world, unit: "ROOT")

            let page = try await browser.get("/staff/dashboard?unit=A&lang=fi")

            XCTAssertEqual(page.status, .ok, page.text)
            let html = page.text
            // A's subtree: promoters 3, detractors 1 of 4 → NPS 50.
            XCTAssertTrue(html.contains("<dd class=\"big\">50</dd>"), "headline NPS")
            XCTAssertTrue(html.contains("<dd class=\"big\">4</dd>"), "headline n")
            let a1 = try row("A1", in: html, table: "children")
            XCTAssertEqual(Array(a1.prefix(4)), ["Yksikkö A1", "3", "33", "4,00"])
            let a2 = try row("A2", in: html, table: "children")
            XCTAssertEqual(a2[1], "1", "n is always shown")
            XCTAssertTrue(a2[2].hasPrefix("–"), "A2's NPS of one answer is suppressed: \(a2)")
            XCTAssertFalse(a2.dropFirst(2).contains { $0.contains("100") }, "no figure of the single answer leaks: \(a2)")
            // The parent is the whole organisation: 3 promoters, 4 detractors of 7 → −14.
            XCTAssertTrue(html.contains("Yläyksikkö: Yksikkö ROOT"))
            XCTAssertTrue(html.contains("<td class=\"num\">-14</td>"), "the parent's NPS is compared")
            // Splits: the Swedish answer alone is too few to show.
            let swedish = try row("sv", in: html, table: "by-language")
            XCTAssertEqual(swedish[0], "ruotsi")
            XCTAssertTrue(swedish[2].hasPrefix("–"))
            XCTAssertTrue(html.contains("role=\"img\""), "the trend chart is an image with a text alternative")
        }
    }

    func testAnAnswerShowsOnTheDashboardAtOnce() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 1)
            let browser = try await signedIn(app, world, unit: "A")
            let before = try await browser.get("/staff/dashboard?unit=A1")
            XCTAssertTrue(before.text.contains("<dd class=\"big\">0</dd>"))

            try await TestWorld.submit(app, target: "t-a1", nps: 10)

            let after = try await browser.get("/staff/dashboard?unit=A1")
            XCTAssertTrue(after.text.contains("<dd class=\"big\">100</dd>"), "NPS of the new answer")
            XCTAssertTrue(after.text.contains("<dd class=\"big\">1</dd>"), "n of the new answer")
        }
    }

    func testChildUnitsSortByAnyColumnWithSuppressedLast() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            try await answer(app)
            let browser = try await signedIn(app, world, unit: "ROOT")

            let descending = try await browser.get("/staff/dashboard?unit=ROOT&sort=nps&dir=desc")
            let ascending = try await browser.get("/staff/dashboard?unit=ROOT&sort=nps&dir=asc")
            let byMean = try await browser.get("/staff/dashboard?unit=A&sort=smooth_access&dir=asc")

            func order(_ html: String) -> [String] {
                let table = html.components(separatedBy: "<table id=\"children\"")[1].components(separatedBy: "</table>")[0]
                return table.components(separatedBy: "<tr data-key=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            }
            XCTAssertEqual(order(descending.text), ["A", "B"])
            XCTAssertEqual(order(ascending.text), ["B", "A"])
            XCTAssertTrue(descending.text.contains("aria-sort=\"descending\""))
            // A2 has no mean to show: it sorts last in either direction.
            XCTAssertEqual(order(byMean.text), ["A1", "A2"])
        }
    }

    func testUnitsOutsideTheScopeAndBadPeriodsAreRefused() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world, role: .analyst, unit: "A")

            let outside = try await browser.get("/staff/dashboard?unit=B")
            let otherOrganisation = try await browser.get("/staff/dashboard?unit=X")
            let badDate = try await browser.get("/staff/dashboard?from=2026-13-01")
            let backwards = try await browser.get("/staff/dashboard?from=2026-05-01&to=2026-04-01")
            let own = try await browser.get("/staff/dashboard")

            XCTAssertEqual(outside.status, .notFound)
            XCTAssertEqual(otherOrganisation.status, .notFound)
            XCTAssertEqual(badDate.status, .badRequest)
            XCTAssertEqual(backwards.status, .badRequest)
            XCTAssertEqual(own.status, .ok)
            XCTAssertTrue(own.text.contains("Luvut: Yksikkö A"))
        }
    }

    func testTrendHasAPointForEveryWeekAndTheDashboardSpeaksSwedish() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 1)
            try await answer(app)
            let browser = try await signedIn(app, world, unit: "ROOT")
            let today = CalendarDay(date: Date(), timeZone: world.organisation.timeZone)
            let from = today.adding(days: -27)

            let page = try await browser.get("/staff/dashboard?unit=ROOT&from=\(from)&to=\(today)&trend=week&lang=sv")

            XCTAssertEqual(page.status, .ok)
            let trend = page.text.components(separatedBy: "<table id=\"trend\"")[1].components(separatedBy: "</table>")[0]
            let weeks = Set((0...27).map { TallyQuery.Dimension.weekKey(from.adding(days: $0).isoWeekKey) })
            XCTAssertEqual(trend.components(separatedBy: "<tr data-key=").count - 1, weeks.count)
            XCTAssertTrue(page.text.contains("Siffror: Enhet ROOT"))
            XCTAssertTrue(page.text.contains("Rekommendationsindex"))
        }
    }
}
