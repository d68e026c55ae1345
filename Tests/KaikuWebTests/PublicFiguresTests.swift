import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class PublicFiguresTests: XCTestCase {
    /// A1: 10, 9, 9, 3, 7 today → P3 Pa1 D1 of 5 → NPS 40; felt_safe 5, 5, 5, 2, 2 → 3.8.
    /// A1 also: 0 forty days ago → in 12 months P3 D2 of 6 → NPS 17, not in 30 days.
    /// A2: 9, 9, 9 → three answers, below the minimum of 5.
    private func seed(_ app: Application) async throws -> TestWorld {
        let world = try await TestWorld.make(on: app)
        for score in [10, 9, 9, 3, 7] {
            try await TestWorld.submit(app, target: "t-a1", nps: score, statements: ["felt_safe": score > 8 ? 5 : 2])
        }
        let fortyDaysAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-40 * 86_400))
        try await TestWorld.submit(app, target: "t-a1", nps: 0, extra: ["answeredAt": fortyDaysAgo])
        for _ in 0..<3 { try await TestWorld.submit(app, target: "t-a2", nps: 9, statements: ["felt_safe": 4]) }
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
            _ = try await seed(app)
            let response = try await app.send(.GET, "/api/v1/public/units/A1/figures?lang=en")
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual((response.object["unit"] as? [String: Any])?["code"] as? String, "A1")
            XCTAssertEqual((response.object["unit"] as? [String: Any])?["name"] as? String, "Unit A1")
            XCTAssertEqual(response.object["minimumN"] as? Int, 5)
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
                let feltSafe = try statement(period, "felt_safe")
                XCTAssertTrue(feltSafe["mean"] is NSNull && feltSafe["n"] is NSNull, key)
            }
            let page = try await app.send(.GET, "/figures/units/A2?lang=fi")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Tältä ajalta on liian vähän vastauksia näytettäväksi."))
            XCTAssertFalse(page.text.contains("class=\"nps\""))
            XCTAssertFalse(page.text.contains(">3<"), "not even the number of answers is shown")

            // Unit A: A1 is shown, A2's row says in words that it is too small.
            let parent = try await app.send(.GET, "/figures/units/A?lang=fi")
            let rows = parent.text.components(separatedBy: "<tr>").filter { $0.contains("/figures/units/A2?") }
            XCTAssertEqual(rows.count, 2, "A2 is listed in both periods")
            for row in rows {
                XCTAssertTrue(row.contains("Liian vähän vastauksia näytettäväksi"), row)
                XCTAssertNil(row.range(of: #"<td[^>]*>[^<]*\d"#, options: .regularExpression), "no number in a suppressed row: \(row)")
            }
            XCTAssertTrue(parent.text.contains("/figures/units/A1?lang=fi\">Yksikkö A1</a></th><td>40</td><td>5</td>"), parent.text)

            let widget = try await app.send(.GET, "/widget/units/A2?lang=sv")
            XCTAssertTrue(widget.text.contains("För få svar för att visas"))
            XCTAssertFalse(widget.text.contains("NPS "))
        }
    }

    func testAnAnswerAppearsAtOnce() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            for _ in 0..<4 { try await TestWorld.submit(app, target: "t-b1", nps: 10) }
            let before = try periods(try await app.send(.GET, "/api/v1/public/targets/t-b1/figures"))
            XCTAssertTrue(before["last30days"]?["nps"] is NSNull)
            try await TestWorld.submit(app, target: "t-b1", nps: 6)
            let after = try periods(try await app.send(.GET, "/api/v1/public/targets/t-b1/figures"))
            XCTAssertEqual(after["last30days"]?["n"] as? Int, 5)
            XCTAssertEqual(after["last30days"]?["nps"] as? Int, 60, "(4 − 1) / 5")
            let widget = try await app.send(.GET, "/widget/targets/t-b1?lang=en")
            XCTAssertTrue(widget.text.contains("NPS 60"), widget.text)
            XCTAssertTrue(widget.text.contains("5 answers"))
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
            _ = try await seed(app)
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
            XCTAssertFalse(widget.text.contains("<link") || widget.text.contains("<script") || widget.text.contains("src="), "self-contained")
            XCTAssertTrue(widget.text.contains("NPS 40"))

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
            _ = try await seed(app)
            for (language, nps, statement, mean) in [("fi", "Suositteluindeksi (NPS)", "Tunsin oloni turvalliseksi", "3,8"),
                                                     ("sv", "Rekommendationsindex (NPS)", "trygg", "3,8"),
                                                     ("en", "Net Promoter Score (NPS)", "I felt safe", "3.8")] {
                let page = try await app.send(.GET, "/figures/targets/t-a1?lang=\(language)")
                XCTAssertEqual(page.status, .ok)
                XCTAssertTrue(page.text.contains("<html lang=\"\(language)\">"), language)
                XCTAssertTrue(page.text.contains(nps), language)
                XCTAssertTrue(page.text.contains(statement), language)
                XCTAssertTrue(page.text.contains(">\(mean)<"), language)
                XCTAssertTrue(page.text.contains("href=\"/figures/units/A1?lang=\(language)\""), "the target's unit is linked")
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
            XCTAssertTrue(index.text.contains("href=\"/figures/units/ROOT?lang=en\""))
            XCTAssertTrue(index.text.contains("href=\"/figures/units/X?lang=en\""))
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
            }
        }
    }
}
