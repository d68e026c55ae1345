import Foundation
import FluentKit
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `GET /api/v1/reports/annual` and the staff pages that lead to it: the
/// document in each language, the summary API's figures in it, its scope
/// rules, and a clear 400 for every parameter it cannot use.
final class AnnualReportAPITests: XCTestCase {
    private func annual(_ app: Application, _ token: String?, _ query: String) async throws -> XCTHTTPResponse {
        try await app.send(.GET, "/api/v1/reports/annual?\(query)", token: token)
    }

    /// The cells of the row `key` of table `table`, as text.
    private func row(_ key: String, table: String, in page: String) throws -> [String] {
        let start = try XCTUnwrap(page.range(of: "<table id=\"\(table)\""), "no table \(table)")
        let rest = page[start.upperBound...]
        let tableText = rest[..<(rest.range(of: "</table>")?.lowerBound ?? rest.endIndex)]
        let rowStart = try XCTUnwrap(tableText.range(of: "<tr data-key=\"\(key)\""), "no row \(key) in \(table)")
        let rowText = tableText[rowStart.upperBound...]
        let cells = String(rowText[..<(rowText.range(of: "</tr>")?.lowerBound ?? rowText.endIndex)])
        let pattern = try NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>")
        return pattern.matches(in: cells, range: NSRange(cells.startIndex..., in: cells)).map {
            (cells as NSString).substring(with: $0.range(at: 1)).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
    }

    func testTheHTMLReportCarriesTheSummaryAPIsFiguresInEachLanguage() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let api = try await AnnualReportWorld.summary(app, token: token, unit: "ROOT", year: 2026)
            let response = try await annual(app, token, "year=2026&unit=ROOT")
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.headers.contentType, .html)
            let page = response.text
            XCTAssertTrue(page.contains("<html lang=\"fi\">"))
            XCTAssertTrue(page.contains("<title>Asiakkuuskertomus 2026: Yksikkö ROOT</title>"), page.prefix(600).description)
            let nps = try XCTUnwrap(api["nps"] as? Int), n = try XCTUnwrap(api["n"] as? Int)
            let root = try row("ROOT", table: "units-nps", in: page)
            XCTAssertEqual(root, ["Yksikkö ROOT", String(n), String(nps), "6", "50", "-27"], "2025: P4 D1 of 6 = 50")
            let b = try row("B", table: "units-nps", in: page)
            XCTAssertEqual(Array(b.prefix(2)), ["Yksikkö B", "2"], "n is always given")
            XCTAssertTrue(b[2].hasPrefix("–") && b[4].hasPrefix("–") && b[5].hasPrefix("–"), "\(b): two answers this year, one last: no NPS")
            XCTAssertTrue(page.contains("Vuonna 2026 vastauksia oli yhteensä \(n) (n)."), "the method page gives n")
            XCTAssertFalse(page.contains("<nav"), "no navigation in the report")
            XCTAssertFalse(page.contains("<form"), "no forms in the report")
            XCTAssertFalse(page.contains("<script"), "no script in the report")
            let policy = try XCTUnwrap(response.headers.first(name: "Content-Security-Policy"))
            XCTAssertTrue(policy.contains("style-src 'sha256-"), policy)
            XCTAssertFalse(policy.contains("unsafe-inline"))

            let swedish = try await annual(app, token, "year=2026&unit=A&lang=sv")
            XCTAssertEqual(swedish.status, .ok)
            XCTAssertTrue(swedish.text.contains("<html lang=\"sv\">"))
            XCTAssertTrue(swedish.text.contains("<title>Kundberättelse 2026: Enhet A</title>"))
            let english = try await annual(app, token, "year=2026&lang=en")
            XCTAssertTrue(english.text.contains("<title>Customer report 2026: Unit ROOT</title>"), "the caller's own unit by default")
        }
    }

    func testEveryParameterItCannotUseIsA400NamingIt() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let token = try await world.signIn(app, role: .administrator, unit: "ROOT")
            for (query, field) in [("year=20x6", "year"), ("year=1999", "year"), ("year=2027", "year"), ("year=%F0%9F%98%80", "year"),
                                   ("year=2026&format=docx", "format"), ("year=2026&lang=de", "lang"), ("year=2026&unit=%01A", "unit")] {
                let response = try await annual(app, token, query)
                XCTAssertEqual(response.status, .badRequest, query)
                XCTAssertEqual(response.object["field"] as? String, field, query)
                XCTAssertNotNil(response.object["error"] as? String)
            }
        }
    }

    func testScopeRulesAreTheSummaryAPIs() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "A")
            for (query, token, status, why) in [("year=2026&unit=A1", supervisor, HTTPStatus.ok, "in the subtree"),
                                                ("year=2026&unit=B", supervisor, .forbidden, "outside the caller's subtree"),
                                                ("year=2026&unit=X", supervisor, .notFound, "another organisation's unit"),
                                                ("year=2026&unit=NOPE", supervisor, .notFound, "an unknown unit"),
                                                ("year=2026", nil, .unauthorized, "no token")] as [(String, String?, HTTPStatus, String)] {
                let response = try await annual(app, token, query)
                XCTAssertEqual(response.status, status, why)
            }
        }
    }

    func testStaffPageLeadsToTheReportInTheSignersUnits() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let email = "supervisor-annual@test.example"
            try await User(organisationID: world.units["A"]!.organisationID, email: email, passwordHash: try await app.password.async.hash(TestWorld.password),
                           role: .supervisor, unitID: try world.units["A"]!.requireID()).create(on: app.db)
            let browser = StaffBrowser(app)
            try await browser.signIn(email: email)
            let page = try await browser.get("/staff/reports/annual?lang=en")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("href=\"/staff/reports/annual.html?lang=en&amp;unit=A&amp;year=2025\"")
                          || page.text.contains("/staff/reports/annual.html?"), page.text)
            XCTAssertTrue(page.text.contains("id=\"annual-pdf\""))
            let chosen = try await browser.get("/staff/reports/annual?unit=A1&year=2026")
            XCTAssertTrue(chosen.text.contains("year=2026"))
            let html = try await browser.get("/staff/reports/annual.html?unit=A1&year=2026&lang=sv")
            XCTAssertEqual(html.status, .ok)
            XCTAssertTrue(html.text.contains("<title>Kundberättelse 2026: Enhet A1</title>"))
            let outside = try await browser.get("/staff/reports/annual.html?unit=B&year=2026")
            XCTAssertEqual(outside.status, .notFound)
            let badYear = try await browser.get("/staff/reports/annual?year=3000")
            XCTAssertEqual(badYear.status, .badRequest)
            XCTAssertTrue(badYear.text.contains("aria-describedby=\"year-error\""))
        }
    }
}
