import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import XCTVapor
@testable import KaikuWeb

/// The dashboard's themes: counted over the chosen unit's subtree and
/// period, the share negative or mixed hidden below the minimum n, the
/// months, the rise against the period of the same length before, and the
/// newest comments, masked, linking to the feed.
final class DashboardThemesTests: XCTestCase {
    private static let care = Theme.care.rawValue
    private static let thanks = Theme.thanks.rawValue
    private static let premises = Theme.premises.rawValue

    /// An answer with open text, given `themes` and `sentiment` on `day` as a person's classification, so no machine relabels it.
    private func comment(_ app: Application, target: String, _ text: String, day: Int, themes: [String], sentiment: Sentiment) async throws {
        let id = try await TestWorld.submit(app, target: target, nps: 5, extra: ["openText": text]).id
        try await (app.db as! any SQLDatabase).raw("""
            UPDATE responses SET local_day = \(bind: day), themes = \(bind: ResponseInsert.themesText(themes)), sentiment = \(bind: sentiment.rawValue),
                classified_with = 'person', corrected_by = \(bind: UUID()), corrected_at = received_at
            WHERE id = \(bind: id)
            """).run()
    }

    /// The period is March–April 2026 (61 days), so the previous one is 30.12.2025–28.2.2026.
    private func answer(_ app: Application) async throws {
        let care = Self.care, thanks = Self.thanks, premises = Self.premises
        for (day, sentiment) in [(20260302, Sentiment.negative), (20260305, .negative), (20260310, .negative), (20260315, .mixed), (20260320, .positive)] {
            try await comment(app, target: "t-a1", "Jonotin kauan \(day)", day: day, themes: [care], sentiment: sentiment)
        }
        for (day, sentiment) in [(20260402, Sentiment.negative), (20260403, .negative), (20260404, .positive), (20260405, .positive),
                                 (20260406, .positive), (20260407, .positive)] {
            try await comment(app, target: "t-a1", "Hoito huhtikuussa \(day)", day: day, themes: [care], sentiment: sentiment)
        }
        try await comment(app, target: "t-a1", "Kiitos hoidosta, soita 040 123 4567", day: 20260428, themes: [care, thanks], sentiment: .positive)
        try await comment(app, target: "t-a2", "Kiitos neuvolaan", day: 20260420, themes: [thanks], sentiment: .positive)
        for day in [20260210, 20260211] { try await comment(app, target: "t-a1", "Helmikuussa \(day)", day: day, themes: [care], sentiment: .negative) }
        for day in [20260115, 20260116, 20260117, 20260118] {
            try await comment(app, target: "t-a1", "Opasteet tammikuussa \(day)", day: day, themes: [premises], sentiment: .neutral)
        }
        for day in [20260311, 20260312, 20260313, 20260314] {
            try await comment(app, target: "t-a1", "Opasteet maaliskuussa \(day)", day: day, themes: [premises], sentiment: .neutral)
        }
        // Outside the subtree of A, and before the previous period: neither counts.
        for day in [20260303, 20260304, 20260305, 20260306, 20260307] {
            try await comment(app, target: "t-b1", "Päivystys B \(day)", day: day, themes: [care], sentiment: .negative)
        }
        try await comment(app, target: "t-a1", "Liian vanha", day: 20251229, themes: [care], sentiment: .negative)
        // The days and themes above were written past the writers that keep the rollups.
        try await RollupRecount.run(app)
    }

    private func signedIn(_ app: Application, _ world: TestWorld, unit: String) async throws -> StaffBrowser {
        let email = "supervisor-\(unit.lowercased())-themes@test.example"
        try await User(organisationID: world.units[unit]!.organisationID, email: email, passwordHash: try await app.password.async.hash(TestWorld.password),
                       role: .supervisor, unitID: try world.units[unit]!.requireID()).create(on: app.db)
        let browser = StaffBrowser(app)
        try await browser.signIn(email: email)
        return browser
    }

    func testTheThemeQueryCountsTheSubtreeByMonthAgainstThePreviousPeriod() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            try await answer(app)
            let subtree = try ["A", "A1", "A2"].map { try world.units[$0]!.requireID() }
            let from = CalendarDay(year: 2026, month: 3, day: 1)!, to = CalendarDay(year: 2026, month: 4, day: 30)!
            let previous = DashboardThemes.previous(of: ReportPeriod(from: from, to: to))
            XCTAssertEqual(previous.from, CalendarDay(year: 2025, month: 12, day: 30))

            let groups = try await ThemeQuery.groups(root: try world.units["A"]!.requireID(), hasChildren: true, previousFrom: previous.from,
                                                     from: from, to: to, on: app.db)
            let scanned = try await ThemeQuery.scannedGroups(organisationID: try world.organisation.requireID(), units: subtree, previousFrom: previous.from,
                                                             from: from, to: to, on: app.db as! any SQLDatabase)
            XCTAssertEqual(Set(groups.map(ThemeGroupKey.init)), Set(scanned.map(ThemeGroupKey.init)), "the rollups count what a scan counts")
            XCTAssertEqual(groups.count, scanned.count)
            let figures = ThemeFigures(groups: groups, codes: ThemeCatalogue.defaults.map(\.code), months: ThemeFigures.months(from: from, to: to))

            let care = try XCTUnwrap(figures.entries.first { $0.code == Self.care })
            XCTAssertEqual(care.count, 12)
            XCTAssertEqual(care.negativeOrMixed, 6, "three negative and one mixed in March, two negative in April")
            XCTAssertEqual(care.byMonth, [5, 7])
            XCTAssertEqual(care.previous, 2, "B1's answers and the day before the previous period are left out")
            let premises = try XCTUnwrap(figures.entries.first { $0.code == Self.premises })
            XCTAssertEqual([premises.count, premises.previous], [4, 4])
            XCTAssertEqual(figures.entries.first { $0.code == Self.thanks }?.count, 2, "an answer with two themes counts in both")
            XCTAssertEqual(figures.rise?.code, Self.care)
        }
    }

    func testExamplesAreTheNewestOfTheSubtreeWhetherSoughtUnitByUnitOrWalkedInOrder() async throws {
        try await withApp { app in
            // Setup: A's subtree, and the same subtree padded past the few units sought one by one.
            let world = try await TestWorld.make(on: app, minimumN: 3)
            try await answer(app)
            let subtree = try ["A", "A1", "A2"].map { try world.units[$0]!.requireID() }
            let padded = subtree + (0...ThemeQuery.fewUnits).map { _ in UUID() }
            let from = CalendarDay(year: 2026, month: 3, day: 1)!, to = CalendarDay(year: 2026, month: 4, day: 30)!
            func examples(_ units: [UUID], _ theme: String, limit: Int) async throws -> [String] {
                try await ThemeQuery.examples(organisationID: try world.organisation.requireID(), root: try world.units["A"]!.requireID(), units: units,
                                              from: from, to: to, theme: theme, limit: limit, on: app.db).map(\.text)
            }

            // Act
            let few = try await examples(subtree, Self.care, limit: 3)
            let many = try await examples(padded, Self.care, limit: 3)
            let premises = try await examples(padded, Self.premises, limit: 10)

            // Assert: the newest three of care (28.4. and the newest April days), outside B and the period left out.
            XCTAssertEqual(few.count, 3)
            XCTAssertTrue(few.first?.hasPrefix("Kiitos hoidosta") == true, "28.4. is the newest: \(few)")
            XCTAssertEqual(many, few)
            XCTAssertEqual(Array(few.dropFirst()), ["Hoito huhtikuussa 20260407", "Hoito huhtikuussa 20260406"])
            XCTAssertEqual(premises, (20260311...20260314).reversed().map { "Opasteet maaliskuussa \($0)" }, "only the period's, newest first")
        }
    }

    func testTheDashboardShowsThemesWithSuppressedSharesTheRiseAndMaskedExamplesLinkingToTheFeed() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            try await answer(app)
            let browser = try await signedIn(app, world, unit: "ROOT")

            let page = try await browser.get("/staff/dashboard?unit=A&from=2026-03-01&to=2026-04-30&lang=fi")

            XCTAssertEqual(page.status, .ok, page.text)
            let html = page.text
            let care = try cells(Self.care, in: html, table: "themes-table")
            XCTAssertEqual(care, ["Hoitoon pääsy ja hoidon laatu", "12", "50 %", "2", "+10"], "count, negative or mixed share, previous period and change")
            let thanks = try cells(Self.thanks, in: html, table: "themes-table")
            XCTAssertEqual(thanks[1], "2")
            XCTAssertTrue(thanks[2].hasPrefix("–"), "two answers are too few for a share: \(thanks)")
            XCTAssertTrue(html.contains("id=\"themes-rise\""))
            XCTAssertTrue(html.contains("(500 % kasvu)"), "the rise from 2 to 12 in percent")
            XCTAssertFalse(html.contains("040 123 4567"), "examples are masked")
            XCTAssertTrue(html.contains("Kiitos hoidosta, soita"), "the newest care comment is an example")
            XCTAssertFalse(html.contains("Päivystys B"), "no comment from outside the subtree")
            XCTAssertFalse(html.contains("Jonotin kauan 20260302"), "only the newest three per theme")
            XCTAssertTrue(html.contains("/staff/feedback?unit=A&amp;from=2026-03-01&amp;to=2026-04-30&amp;theme=\(Self.care)&amp;lang=fi"),
                          "the theme links the feed filtered by theme, unit and period")
            XCTAssertTrue(html.contains("<th scope=\"row\">2026-04</th>"), "a row per month")
        }
    }

    func testARiseOfAFewAnswersIsNoTrend() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            for day in [20260301, 20260302, 20260303] {
                try await comment(app, target: "t-a1", "Opasteet \(day)", day: day, themes: [Self.premises], sentiment: .negative)
            }
            try await RollupRecount.run(app)
            let browser = try await signedIn(app, world, unit: "A")

            let html = try await browser.get("/staff/dashboard?unit=A&from=2026-03-01&to=2026-04-30&lang=en").text

            XCTAssertTrue(html.contains("No theme rose clearly"), "0 → 3 is not a trend")
            XCTAssertEqual(try cells(Self.premises, in: html, table: "themes-table")[2], "100%")
        }
    }

    /// The cells of the row whose `data-key` is `key` in table `table`, as text.
    private func cells(_ key: String, in page: String, table: String) throws -> [String] {
        let tableStart = try XCTUnwrap(page.range(of: "<table id=\"\(table)\""), "no table \(table)")
        let rest = page[tableStart.upperBound...]
        let tableText = rest[..<(rest.range(of: "</table>")?.lowerBound ?? rest.endIndex)]
        let start = try XCTUnwrap(tableText.range(of: "<tr data-key=\"\(key)\">"), "no row \(key) in \(table)")
        let rowText = tableText[start.upperBound...]
        let text = String(rowText[..<(rowText.range(of: "</tr>")?.lowerBound ?? rowText.endIndex)])
        let pattern = try NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            String(text[Range(match.range(at: 1), in: text)!])
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        }
    }
}
