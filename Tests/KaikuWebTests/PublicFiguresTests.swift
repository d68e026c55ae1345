import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class PublicFiguresTests: XCTestCase {
    /// A1: 10, 9, 9, 3, 7 today → P3 Pa1 D1 of 5 → NPS 40; felt_safe 5, 5, 5, 2, 2 → 3.8.
    /// A1 also: 0 forty days ago → in 12 months P3 D2 of 6 → NPS 17, not in 30 days.
    /// A2: 9, 9, 9 → three answers, below the minimum of 5; left out with
    /// `smallSibling` false, since A minus A1 would give them and A1 is then hidden too.
    private func seed(_ app: Application, smallSibling: Bool = true) async throws -> TestWorld {
        let world = try await TestWorld.make(on: app)
        for score in [10, 9, 9, 3, 7] {
            try await TestWorld.submit(app, target: "t-a1", nps: score, statements: ["felt_safe": score > 8 ? 5 : 2])
        }
        let fortyDaysAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-40 * 86_400))
        try await TestWorld.submit(app, target: "t-a1", nps: 0, extra: ["answeredAt": fortyDaysAgo])
        if smallSibling {
            for _ in 0..<3 { try await TestWorld.submit(app, target: "t-a2", nps: 9, statements: ["felt_safe": 4]) }
        }
        try await TestWorld.submit(app, target: "t-x", nps: 0)
        return world
    }

    private func periods(_ response: XCTHTTPResponse) throws -> [String: [String: Any]] {
        let periods = try XCTUnwrap(response.object["periods"] as? [[String: Any]], response.text)
        return Dictionary(uniqueKeysWithValues: periods.map { ($0["key"] as! String, $0) })
    }

    private func statement(_ period: [String: Any]?, _ id: String) throws -> [String: Any] {
        let statements = try XCTUnwrap(period?["statements"] as? [[String: Any]])
        return try XCTUnwrap(statements.first { $0["id"] as? String == id })
    }

    func testFiguresForBothPeriodsFromKnownAnswers() async throws {
        try await withApp { app in
            _ = try await seed(app, smallSibling: false)
            let response = try await app.send(.GET, "/api/v1/public/units/A1/figures?lang=en")
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual((response.object["unit"] as? [String: Any])?["code"] as? String, "A1")
            XCTAssertEqual((response.object["unit"] as? [String: Any])?["name"] as? String, "Unit A1")
            XCTAssertEqual(response.object["minimumN"] as? Int, 5)
            XCTAssertEqual((response.object["organisation"] as? [String: Any])?["code"] as? String, "test-county")
            let byKey = try periods(response)
            let month = try XCTUnwrap(byKey["last30days"])
            XCTAssertEqual(month["n"] as? Int, 5, "the answer 40 days ago is not in the last 30 days")
            XCTAssertEqual(month["nps"] as? Int, 40)
            XCTAssertEqual(month["promoters"] as? Int, 3)
            XCTAssertEqual(month["passives"] as? Int, 1)
            XCTAssertEqual(month["detractors"] as? Int, 1)
            let feltSafe = try statement(month, "felt_safe")
            XCTAssertEqual(try XCTUnwrap(feltSafe["mean"] as? Double), 3.8, accuracy: 0.001)
            XCTAssertEqual(feltSafe["n"] as? Int, 5)
            XCTAssertTrue(feltSafe["nSuppressed"] is NSNull)
            XCTAssertTrue(month["nSuppressed"] is NSNull, "shown, so no reason for hiding")
            XCTAssertNotNil(month["publishedAt"] as? String)
            XCTAssertEqual(feltSafe["text"] as? String, "I felt safe during my care or service.")
            let year = try XCTUnwrap(byKey["last12months"])
            XCTAssertEqual(year["n"] as? Int, 6, "the answer 40 days ago is in the last 12 months")
            XCTAssertEqual(year["nps"] as? Int, 17, "(3 − 2) / 6 = 16.7 %")
            XCTAssertEqual(year["detractors"] as? Int, 2)
            XCTAssertEqual(month["to"] as? String, year["to"] as? String)

            let page = try await app.send(.GET, "/figures/units/A1?lang=fi")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("<dd class=\"nps\">40</dd>"), page.text)
            XCTAssertTrue(page.text.contains("<dd class=\"nps\">17</dd>"))
            XCTAssertTrue(page.text.contains("<span class=\"value\">3,8</span>"), "decimal comma in Finnish")
            XCTAssertTrue(page.text.contains("Suosittelijoita 60\u{00A0}%, passiivisia 20\u{00A0}% ja arvostelijoita 20\u{00A0}%"))
            let english = try await app.send(.GET, "/figures/units/A1?lang=en")
            XCTAssertTrue(english.text.contains("<span class=\"value\">3.8</span>"), "decimal point in English")
        }
    }

    func testSmallGroupsAreSuppressedAtEveryLevel() async throws {
        try await withApp { app in
            _ = try await seed(app)
            let json = try await app.send(.GET, "/api/v1/public/units/A2/figures")
            for (key, period) in try periods(json) {
                for field in ["n", "nps", "promoters", "passives", "detractors"] {
                    XCTAssertTrue(period[field] is NSNull, "\(key).\(field) must be null, not missing or a number")
                }
                XCTAssertEqual(period["nSuppressed"] as? String, "belowMinimum", "n is null and says why: \(key)")
                let feltSafe = try statement(period, "felt_safe")
                XCTAssertTrue(feltSafe["mean"] is NSNull && feltSafe["n"] is NSNull, key)
                XCTAssertEqual(feltSafe["nSuppressed"] as? String, "belowMinimum", key)
            }
            let page = try await app.send(.GET, "/figures/units/A2?lang=fi")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Tältä ajalta on alle 5 vastausta, liian vähän näytettäväksi."), page.text)
            XCTAssertFalse(page.text.contains("class=\"nps\""))
            XCTAssertFalse(page.text.contains(">3<"), "not even the number of answers is shown")

            // Unit A: A2's row says in words that it has fewer than 5 answers.
            let parent = try await app.send(.GET, "/figures/units/A?lang=fi")
            let rows = parent.text.components(separatedBy: "<tr>").filter { $0.contains("/figures/units/A2?") }
            XCTAssertEqual(rows.count, 2, "A2 is listed in both periods")
            for row in rows {
                XCTAssertTrue(row.contains("Liian vähän vastauksia näytettäväksi"), row)
                XCTAssertTrue(row.contains("<td class=\"suppressed\">alle 5</td>"), row)
                XCTAssertNil(row.replacingOccurrences(of: "alle 5", with: "").range(of: #"<td[^>]*>[^<]*\d"#, options: .regularExpression),
                             "no number in a suppressed row but the minimum: \(row)")
            }
            let widget = try await app.send(.GET, "/widget/units/A2?lang=sv")
            XCTAssertTrue(widget.text.contains("Färre än 5 svar"), widget.text)
            XCTAssertFalse(widget.text.contains("NPS "))
            let english = try await app.send(.GET, "/widget/units/A2?lang=en")
            XCTAssertTrue(english.text.contains("Fewer than 5 answers"))
        }
    }

    func testASmallUnitCannotBeRecoveredFromItsParentAndSiblings() async throws {
        try await withApp { app in
            // A = A1 (5) + A2 (3): showing A's 8 and A1's 5 would give A2's 3 away.
            let world = try await seed(app)

            let parent = try await app.send(.GET, "/figures/units/A?lang=fi")
            XCTAssertTrue(parent.text.contains("<dd class=\"nps\">"), "A itself is shown")
            let rows = parent.text.components(separatedBy: "<tr>").filter { $0.contains("/figures/units/A1?") }
            XCTAssertEqual(rows.count, 2)
            for row in rows {
                XCTAssertTrue(row.contains("Piilotettu pienemmän ryhmän suojaamiseksi"), row)
                XCTAssertNil(row.range(of: #"<td[^>]*>[^<]*\d"#, options: .regularExpression), "no number: \(row)")
            }
            // A1's own page, widget and JSON hide it the same way, or they would give it back.
            let json = try periods(try await app.send(.GET, "/api/v1/public/units/A1/figures"))
            for key in ["last30days", "last12months"] {
                XCTAssertTrue(json[key]?["n"] is NSNull && json[key]?["nps"] is NSNull, key)
                XCTAssertEqual(json[key]?["nSuppressed"] as? String, "complementary", key)
            }
            let page = try await app.send(.GET, "/figures/units/A1?lang=en")
            XCTAssertTrue(page.text.contains("so that a smaller group"), page.text)
            XCTAssertFalse(page.text.contains("class=\"nps\""))
            let widget = try await app.send(.GET, "/widget/targets/t-a1?lang=en")
            XCTAssertTrue(widget.text.contains("Hidden to protect a smaller group"), widget.text)
            XCTAssertFalse(widget.text.contains("NPS "))

            // The staff summary still gives every n.
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let today = CalendarDay(date: Date(), timeZone: TimeZone(identifier: "Europe/Helsinki")!)
            let summary = try await app.send(
                .GET, "/api/v1/reports/summary?unit=A&groupBy=unit&from=\(today.adding(days: -29))&to=\(today)", token: token)
            let groups = try XCTUnwrap(summary.object["groups"] as? [[String: Any]], summary.text)
            XCTAssertEqual(groups.first { $0["key"] as? String == "A2" }?["n"] as? Int, 3)
            XCTAssertEqual(groups.first { $0["key"] as? String == "A1" }?["n"] as? Int, 5)
        }
    }

    func testFiguresChangeAtMostHourlyAndOnlyByAtLeastTheMinimumOfNewAnswers() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            _ = try await TestWorld.make(on: app)
            for _ in 0..<5 { try await TestWorld.submit(app, target: "t-b1", nps: 10) }
            let first = try periods(try await app.send(.GET, "/api/v1/public/targets/t-b1/figures"))
            XCTAssertEqual(first["last30days"]?["n"] as? Int, 5, "the first visit publishes what there is")
            XCTAssertEqual(first["last30days"]?["nps"] as? Int, 100)

            // One more answer: the figures stay, within the hour and after it, so that it cannot be read off them.
            try await TestWorld.submit(app, target: "t-b1", nps: 0)
            let same = try periods(try await app.send(.GET, "/api/v1/public/targets/t-b1/figures"))
            XCTAssertEqual(same["last30days"]?["nps"] as? Int, 100)
            clock.advance(by: 2 * 3_600)
            let later = try periods(try await app.send(.GET, "/api/v1/public/units/B1/figures"))
            XCTAssertEqual(later["last30days"]?["n"] as? Int, 5, "one new answer is fewer than the minimum of 5")
            XCTAssertEqual(later["last12months"]?["nps"] as? Int, 100)
            let widget = try await app.send(.GET, "/widget/units/B1?lang=en")
            XCTAssertTrue(widget.text.contains("NPS 100") && widget.text.contains("5 answers"), widget.text)

            // Five new answers in all: published at the next check, an hour after the last one.
            for _ in 0..<4 { try await TestWorld.submit(app, target: "t-b1", nps: 0) }
            clock.advance(by: 30 * 60)
            let early = try periods(try await app.send(.GET, "/api/v1/public/units/B1/figures"))
            XCTAssertEqual(early["last30days"]?["n"] as? Int, 5, "checked less than an hour ago")
            clock.advance(by: 30 * 60)
            let updated = try periods(try await app.send(.GET, "/api/v1/public/units/B1/figures"))
            XCTAssertEqual(updated["last30days"]?["n"] as? Int, 10)
            XCTAssertEqual(updated["last30days"]?["nps"] as? Int, 0, "(5 − 5) / 10")
            let page = try await app.send(.GET, "/figures/units/B1?lang=en")
            XCTAssertTrue(page.text.contains("<dd class=\"nps\">0</dd>"), page.text)

            // Parents follow the same rule: ROOT moved with B1, by the same ten answers.
            let root = try periods(try await app.send(.GET, "/api/v1/public/units/ROOT/figures"))
            XCTAssertEqual(root["last30days"]?["n"] as? Int, 10)
        }
    }

    func testEveryInstanceOnTheSameDatabasePublishesTheSameFigures() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            _ = try await TestWorld.make(on: app)
            for _ in 0..<5 { try await TestWorld.submit(app, target: "t-b1", nps: 10) }
            let first = try periods(try await app.send(.GET, "/api/v1/public/units/B1/figures"))
            XCTAssertEqual(first["last30days"]?["n"] as? Int, 5)
            for _ in 0..<5 { try await TestWorld.submit(app, target: "t-b1", nps: 0) }

            // A second instance, whose clock is two hours on, checks first and publishes the ten answers.
            let later = TestClock()
            later.advance(by: 2 * 3_600)
            let second = try await Application.make(.testing)
            do {
                try await configure(second, settings: app.kaiku.settings, clock: later.wall)
                let seen = try periods(try await second.send(.GET, "/api/v1/public/units/B1/figures"))
                XCTAssertEqual(seen["last30days"]?["n"] as? Int, 10)
                // One answer more changes nothing on either instance.
                try await TestWorld.submit(app, target: "t-b1", nps: 0)
                let again = try periods(try await second.send(.GET, "/api/v1/public/units/B1/figures"))
                XCTAssertEqual(again["last30days"]?["n"] as? Int, 10)
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()

            // This instance, an hour on, finds them checked a moment ago and shows the same.
            clock.advance(by: 3_600)
            let mine = try periods(try await app.send(.GET, "/api/v1/public/units/B1/figures"))
            XCTAssertEqual(mine["last30days"]?["n"] as? Int, 10)
            XCTAssertEqual(mine["last30days"]?["nps"] as? Int, 0)
        }
    }

    func testAmbiguousUnitCodeNeedsTheOrganisation() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            for _ in 0..<5 { try await TestWorld.submit(app, target: "t-a1", nps: 9) }
            // The other organisation takes the code A1 too.
            try await OrgUnit(organisationID: try world.other.requireID(), code: "A1", parentID: world.units["X"]?.id,
                              name: LocalizedText(fi: "Toinen A1", sv: "Andra A1", en: "Other A1")).create(on: app.db)

            for path in ["/figures/units/A1?lang=en", "/widget/units/A1?lang=en"] {
                let page = try await app.send(.GET, path)
                XCTAssertEqual(page.status, .badRequest, path)
                XCTAssertTrue(page.text.contains("The unit code A1 is used by more than one organisation (other-county, test-county)"), page.text)
                XCTAssertTrue(page.text.contains("A1?org=test-county&amp;lang=en"), "each organisation's page is linked: \(page.text)")
            }
            let json = try await app.send(.GET, "/api/v1/public/units/A1/figures")
            XCTAssertEqual(json.status, .badRequest)
            XCTAssertEqual(json.object["field"] as? String, "org")
            XCTAssertTrue((json.object["error"] as? String)?.contains("org=") == true, json.text)
            XCTAssertTrue((json.object["error"] as? String)?.contains("test-county") == true, json.text)

            let mine = try await app.send(.GET, "/api/v1/public/units/A1/figures?org=test-county")
            XCTAssertEqual(mine.status, .ok, mine.text)
            XCTAssertEqual(try periods(mine)["last30days"]?["n"] as? Int, 5)
            let theirs = try await app.send(.GET, "/figures/units/A1?org=other-county&lang=en")
            XCTAssertEqual(theirs.status, .ok)
            XCTAssertTrue(theirs.text.contains("Other A1"))
            let widget = try await app.send(.GET, "/widget/units/A1?org=test-county&lang=en")
            XCTAssertTrue(widget.text.contains("Unit A1"), widget.text)
            XCTAssertTrue(widget.text.contains("href=\"/figures/units/A1?org=test-county&amp;lang=en\""), "links carry the organisation")

            // A code only one organisation uses works without org=, as printed links have it.
            let unique = try await app.send(.GET, "/figures/units/B1?lang=en")
            XCTAssertEqual(unique.status, .ok)
            let unknown = try await app.send(.GET, "/figures/units/A1?org=nope&lang=en")
            XCTAssertEqual(unknown.status, .notFound)
            let wrong = try await app.send(.GET, "/api/v1/public/units/B1/figures?org=other-county")
            XCTAssertEqual(wrong.status, .notFound)
        }
    }

    func testNoOpenTextContactDetailsOrReceiptsInPublic() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            var receipts: [String] = []
            for _ in 0..<5 {
                let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 8, extra: [
                    "openText": "Salainen kommentti", "wantsAnswer": true,
                    "contact": ["name": "Maija Meikäläinen", "email": "maija.salainen@example.fi", "phone": "040 123 4567"]])
                receipts.append(receipt.receipt)
            }
            for path in ["/figures/units/A1?lang=fi", "/figures/targets/t-a1?lang=fi", "/widget/units/A1", "/widget/targets/t-a1",
                         "/api/v1/public/units/A1/figures", "/api/v1/public/targets/t-a1/figures", "/figures/units/ROOT", "/figures"] {
                let response = try await app.send(.GET, path)
                XCTAssertEqual(response.status, .ok, path)
                for secret in ["Salainen", "Meikäläinen", "maija.salainen", "example.fi", "123 4567"] + receipts {
                    XCTAssertFalse(response.text.contains(secret), "\(secret) in \(path)")
                }
            }
        }
    }

    func testUnknownAndInactiveCodesGet404() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let found = try await Target.query(on: app.db).filter(\.$code == "t-a2b").first()
            let target = try XCTUnwrap(found)
            target.active = false
            try await target.save(on: app.db)
            for path in ["/figures/units/NOPE", "/figures/targets/nope", "/figures/targets/t-a2b", "/widget/units/NOPE",
                         "/widget/targets/t-a2b", "/figures/units/%3Cscript%3E"] {
                let page = try await app.send(.GET, path + "?lang=sv")
                XCTAssertEqual(page.status, .notFound, path)
                XCTAssertTrue(page.text.contains("<html lang=\"sv\">"), "the public 404 page: \(path)")
            }
            for path in ["/api/v1/public/units/NOPE/figures", "/api/v1/public/targets/t-a2b/figures"] {
                let response = try await app.send(.GET, path)
                XCTAssertEqual(response.status, .notFound, path)
                XCTAssertEqual(response.object["field"] as? String, "code")
                XCTAssertNotNil(response.object["error"] as? String)
                XCTAssertEqual(response.headers.first(name: "Access-Control-Allow-Origin"), "*")
            }
            let badLanguage = try await app.send(.GET, "/api/v1/public/units/A1/figures?lang=de")
            XCTAssertEqual(badLanguage.status, .badRequest)
            XCTAssertEqual(badLanguage.object["field"] as? String, "lang")
        }
    }

    func testWidgetMayBeFramedAndJSONMayBeReadAcrossSites() async throws {
        try await withApp { app in
            _ = try await seed(app, smallSibling: false)
            let widget = try await app.send(.GET, "/widget/units/A1?lang=fi")
            XCTAssertEqual(widget.status, .ok)
            XCTAssertNil(widget.headers.first(name: "X-Frame-Options"))
            let policy = try XCTUnwrap(widget.headers.first(name: "Content-Security-Policy"))
            XCTAssertTrue(policy.contains("frame-ancestors *"), policy)
            XCTAssertTrue(policy.contains(WidgetPage.styleSource), "the inline style is allowed by its hash")
            XCTAssertFalse(policy.contains("unsafe-inline"))
            XCTAssertEqual(widget.headers.first(name: .cacheControl), "public, max-age=60")
            XCTAssertTrue(widget.text.contains("<html lang=\"fi\">"))
            XCTAssertTrue(widget.text.contains("target=\"_blank\" rel=\"noopener\""))
            XCTAssertTrue(widget.text.contains("href=\"/f/t-a1?lang=fi\""), "the unit's only target's form")
            XCTAssertTrue(widget.text.contains("href=\"/figures/units/A1?org=test-county&amp;lang=fi\""), "the full page, with its organisation")
            XCTAssertFalse(widget.text.contains("<link") || widget.text.contains("<script") || widget.text.contains("src="), "self-contained")
            XCTAssertTrue(widget.text.contains("NPS 40"))
            XCTAssertTrue(widget.text.contains("Suositteluindeksi (NPS, −100…100) on palvelua suosittelevien osuus"), "NPS said in words")
            XCTAssertTrue(widget.text.contains("<rect class=\"s-promoter\" x=\"0\""), "the shares in the colours every page uses")

            let page = try await app.send(.GET, "/figures/units/A1")
            XCTAssertTrue(page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'self'") == true,
                          "only the widget may be framed")
            XCTAssertNil(page.headers.first(name: "Access-Control-Allow-Origin"))
            let json = try await app.send(.GET, "/api/v1/public/units/A1/figures")
            XCTAssertEqual(json.headers.first(name: "Access-Control-Allow-Origin"), "*")
        }
        try await withApp(adjust: { $0.widgetFrameAncestors = "https://www.example-hyvinvointialue.fi" }) { app in
            _ = try await TestWorld.make(on: app)
            let widget = try await app.send(.GET, "/widget/units/A1")
            XCTAssertTrue(widget.headers.first(name: "Content-Security-Policy")?.hasSuffix("frame-ancestors https://www.example-hyvinvointialue.fi") == true)
        }
        XCTAssertEqual(KaikuSettings.widgetFrameAncestors(nil), "*")
        XCTAssertEqual(KaikuSettings.widgetFrameAncestors("https://a.example, https://b.example"), "https://a.example https://b.example")
        XCTAssertEqual(KaikuSettings.widgetFrameAncestors("https://a.example; script-src"), "script-src", "no directive can be added")
    }

    func testPagesInEveryLanguage() async throws {
        try await withApp { app in
            _ = try await seed(app, smallSibling: false)
            for (language, nps, statement, mean) in [("fi", "Suositteluindeksi (NPS)", "Tunsin oloni turvalliseksi", "3,8"),
                                                     ("sv", "Rekommendationsindex (NPS)", "trygg", "3,8"),
                                                     ("en", "Net Promoter Score (NPS)", "I felt safe", "3.8")] {
                let page = try await app.send(.GET, "/figures/targets/t-a1?lang=\(language)")
                XCTAssertEqual(page.status, .ok)
                XCTAssertTrue(page.text.contains("<html lang=\"\(language)\">"), language)
                XCTAssertTrue(page.text.contains(nps), language)
                XCTAssertTrue(page.text.contains(statement), language)
                XCTAssertTrue(page.text.contains(">\(mean)<"), language)
                XCTAssertTrue(page.text.contains("href=\"/figures/units/A1?org=test-county&amp;lang=\(language)\""), "the target's unit is linked")
                XCTAssertTrue(page.text.contains("&lt;iframe src=&quot;http://"), "the snippet is shown escaped")
                XCTAssertTrue(page.text.contains("/widget/targets/t-a1?lang=\(language)"))
                XCTAssertTrue(page.text.contains("/api/v1/public/targets/t-a1/figures?lang=\(language)"))
                let json = try await app.send(.GET, "/api/v1/public/targets/t-a1/figures?lang=\(language)")
                XCTAssertEqual((json.object["target"] as? [String: Any])?["code"] as? String, "t-a1")
            }
            let swedish = try await app.send(.GET, "/figures/targets/t-a1?lang=sv")
            XCTAssertTrue(swedish.text.contains("Hammashoitola, Keskusta (sv)"), "the target's customer-friendly name")
            let form = try await app.send(.GET, "/f/t-a1?lang=en")
            XCTAssertTrue(form.text.contains("href=\"/figures/targets/t-a1?lang=en\""), "the form links to the figures")
            let index = try await app.send(.GET, "/figures?lang=en")
            XCTAssertTrue(index.text.contains("href=\"/figures/units/ROOT?org=test-county&amp;lang=en\""), index.text)
            XCTAssertTrue(index.text.contains("href=\"/figures/units/X?org=other-county&amp;lang=en\""))
            let unitPage = try await app.send(.GET, "/figures/units/A1?lang=en")
            XCTAssertTrue(unitPage.text.contains("/widget/units/A1?org=test-county&amp;amp;lang=en"), "the snippet's address, escaped twice")
            XCTAssertTrue(unitPage.text.contains("/api/v1/public/units/A1/figures?org=test-county&amp;lang=en"))
        }
    }

    func testTheIndexShowsEachUnitsNPSAndNAsPublishedAndCanBeSearched() async throws {
        try await withApp { app in
            _ = try await seed(app)
            let index = try await app.send(.GET, "/figures?lang=en")
            XCTAssertEqual(index.status, .ok)
            XCTAssertTrue(index.text.contains(">Unit B1</a> <span class=\"unit-figures suppressed\">Fewer than 5 answers</span>"), index.text)
            XCTAssertTrue(index.text.contains(">Unit A2</a> <span class=\"unit-figures suppressed\">Fewer than 5 answers</span>"))
            XCTAssertTrue(index.text.contains(">Unit A1</a> <span class=\"unit-figures suppressed\">Hidden to protect a smaller group</span>"),
                          "A1 is hidden beside A and A2 here as on its own page")
            XCTAssertTrue(index.text.contains(">Unit A</a> <span class=\"unit-figures\">NPS 44 · 9 answers</span>"), index.text)

            let found = try await app.send(.GET, "/figures?lang=en&q=ENHET%20a2")
            XCTAssertEqual(found.status, .ok)
            XCTAssertTrue(found.text.contains("1 unit found for “ENHET a2”"), found.text)
            XCTAssertTrue(found.text.contains("href=\"/figures/units/A2?org=test-county&amp;lang=en\""))
            XCTAssertFalse(found.text.contains("/figures/units/A1?"), "only the matching unit is listed")
            XCTAssertTrue(found.text.contains("value=\"ENHET a2\""), "the search stays in its field")
            let none = try await app.send(.GET, "/figures?lang=fi&q=" + String(repeating: "x", count: 500))
            XCTAssertEqual(none.status, .ok)
            XCTAssertTrue(none.text.contains("Yksikköä ei löytynyt."), none.text)
        }
    }

    func testOpenAPIDescribesThePublicFigures() async throws {
        try await withApp { app in
            let document = try await app.send(.GET, "/openapi.json")
            let paths = try XCTUnwrap(document.object["paths"] as? [String: Any])
            for path in ["/api/v1/public/units/{code}/figures", "/api/v1/public/targets/{code}/figures"] {
                let get = try XCTUnwrap((paths[path] as? [String: Any])?["get"] as? [String: Any], path)
                XCTAssertNil(get["security"], "no sign-in: \(path)")
                XCTAssertEqual(Set((get["responses"] as? [String: Any])?.keys.map { $0 } ?? []), ["200", "400", "404"], path)
                let parameters = (get["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                XCTAssertEqual(parameters.contains("org"), path.contains("/units/"), "org= picks the organisation of a unit code: \(path)")
            }
            let schemas = try XCTUnwrap((document.object["components"] as? [String: Any])?["schemas"] as? [String: Any])
            for schema in ["PublicPeriod", "PublicStatement"] {
                let properties = try XCTUnwrap((schemas[schema] as? [String: Any])?["properties"] as? [String: Any])
                let reason = try XCTUnwrap(properties["nSuppressed"] as? [String: Any], "\(schema) says why n is null")
                XCTAssertEqual(reason["enum"] as? [String], ["belowMinimum", "complementary"])
            }
        }
    }
}
