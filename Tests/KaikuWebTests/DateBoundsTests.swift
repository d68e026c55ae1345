import Foundation
import XCTVapor
@testable import KaikuWeb

/// Dates at the edges of the calendar once stopped the process: anonymously
/// through Open311's end_date, by any staff member through the summary API
/// and the dashboard. Each is now a 400 that names the parameter.
final class DateBoundsTests: XCTestCase {
    func testOpen311RefusesDatesOutsideTheCalendarItServes() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)

            for query in ["end_date=9999-12-31", "updated_before=9999-12-31", "start_date=0001-01-01", "end_date=9999-12-31T23:59:59Z"] {
                for format in ["json", "xml"] {
                    let response = try await app.send(.GET, "/open311/v2/requests.\(format)?\(query)")
                    XCTAssertEqual(response.status, .badRequest, "\(query) \(format): \(response.text)")
                    XCTAssertTrue(response.text.contains(String(query.prefix { $0 != "=" })), response.text)
                }
            }
            let alive = try await app.send(.GET, "/open311/v2/requests.json?end_date=2026-12-31")
            XCTAssertEqual(alive.status, .ok)
        }
    }

    func testReportsAndDashboardRefuseDatesOutsideTheCalendarTheyServe() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "dates@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "dates@test.example")

            for (name, value) in [("to", "9999-12-31"), ("to", "0001-06-01"), ("from", "0001-01-01"), ("to", "2200-01-01")] {
                let summary = try await app.send(.GET, "/api/v1/reports/summary?unit=ROOT&\(name)=\(value)", token: token)
                XCTAssertEqual(summary.status, .badRequest, "\(name)=\(value): \(summary.text)")
                XCTAssertEqual(summary.object["field"] as? String, name)
                let page = try await browser.get("/staff/dashboard?unit=ROOT&\(name)=\(value)")
                XCTAssertEqual(page.status, .badRequest, "dashboard \(name)=\(value)")
            }
            let answeredAt = try await app.send(.POST, "/api/v1/responses", json: RawJSON([
                "target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 5], "answeredAt": "9999-12-31T23:59:59Z",
            ]))
            XCTAssertEqual(answeredAt.status, .badRequest)
            XCTAssertEqual(answeredAt.object["field"] as? String, "answeredAt")
        }
    }

    func testJSONBodiesMustBeJSONAndNumbersMustBeNumbers() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            var headers = HTTPHeaders()
            headers.contentType = .plainText
            let body = #"{"target":"t-a1","channel":"web","language":"fi","answers":{"nps":5}}"#

            let plain = try await app.send(.POST, "/api/v1/responses", headers: headers, body: body)
            let text = try await app.send(.POST, "/api/v1/responses", json: RawJSON([
                "target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": "5"],
            ]))

            XCTAssertEqual(plain.status, .unsupportedMediaType, plain.text)
            XCTAssertEqual(text.status, .badRequest, text.text)
            XCTAssertEqual(text.object["field"] as? String, "answers.nps")
        }
    }
}
