import FluentKit
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Answers that open a case are limited per client address; the rest are not.
final class CaseRateLimitTests: XCTestCase {
    private func answer(_ app: Application, from peer: String, contact: Bool) async throws -> PeerResponse {
        var body: [String: Any] = ["target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 3], "openText": "Soittakaa minulle"]
        if contact { body["contact"] = ["email": "asiakas@example.fi"]; body["wantsAnswer"] = true }
        return try await app.send(from: peer, .POST, "/api/v1/responses", json: RawJSON(body))
    }

    func testAnswersOpeningCasesFromOneAddressAreLimitedWithRetryAfter() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall, adjust: { $0.caseRateLimit = 3 }) { app in
            _ = try await TestWorld.make(on: app)
            for _ in 0..<3 {
                let result1 = try await answer(app, from: "203.0.113.20", contact: true)
                XCTAssertEqual(result1.status, .created)
            }

            let flooded = try await answer(app, from: "203.0.113.20", contact: true)
            let withoutCase = try await answer(app, from: "203.0.113.20", contact: false)
            let elsewhere = try await answer(app, from: "198.51.100.20", contact: true)

            XCTAssertEqual(flooded.status, .tooManyRequests)
            XCTAssertEqual(flooded.headers.first(name: "Retry-After"), "60")
            let error = try JSONSerialization.jsonObject(with: Data(flooded.text.utf8)) as? [String: Any]
            XCTAssertTrue((error?["error"] as? String)?.contains("Send it again in 60 seconds") == true, flooded.text)
            XCTAssertEqual(withoutCase.status, .created, "answers that open no case are not limited")
            XCTAssertEqual(elsewhere.status, .created, "another address has a limit of its own")
            let cases = try await FeedbackCase.query(on: app.db).count()
            XCTAssertEqual(cases, 4, "the refused answer opened nothing")
            clock.advance(by: 60)
            let result2 = try await answer(app, from: "203.0.113.20", contact: true)
            XCTAssertEqual(result2.status, .created, "a minute later there is room again")
        }
    }

    func testAPairedKioskIsNotLimitedPerAddress() async throws {
        try await withApp(adjust: { $0.caseRateLimit = 1 }) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let registered = try await app.send(.POST, "/api/v1/kiosks", json: RawJSON(["name": "Aula", "unit": "A", "targets": ["t-a1"]]), token: admin)
            let code = try XCTUnwrap(registered.object["pairingCode"] as? String, registered.text)
            let paired = try await app.send(.POST, "/api/v1/kiosk/pair", json: ["code": code])
            let device = try XCTUnwrap(paired.object["token"] as? String, paired.text)
            let body: [String: Any] = ["target": "t-a1", "channel": "kiosk", "language": "fi", "answers": ["nps": 3],
                                       "contact": ["email": "asiakas@example.fi"], "wantsAnswer": true]

            let first = try await app.send(from: "203.0.113.23", .POST, "/api/v1/responses", json: RawJSON(body))
            var statuses: [HTTPStatus] = []
            for _ in 0..<3 {
                statuses.append(try await app.send(from: "203.0.113.23", .POST, "/api/v1/responses", json: RawJSON(body),
                                                   headers: ["Authorization": "Bearer \(device)"]).status)
            }
            let withoutToken = try await app.send(from: "203.0.113.23", .POST, "/api/v1/responses", json: RawJSON(body))

            XCTAssertEqual(first.status, .created)
            XCTAssertEqual(statuses, [.created, .created, .created], "the kiosk goes on although its address used up the limit")
            XCTAssertEqual(withoutToken.status, .tooManyRequests, "the same address without the device token is limited")
        }
    }

    func testRefusedAnswersDoNotUseUpTheLimit() async throws {
        try await withApp(adjust: { $0.caseRateLimit = 2 }) { app in
            _ = try await TestWorld.make(on: app)
            let invalid: [String: Any] = ["target": "nowhere", "channel": "web", "language": "fi", "answers": ["nps": 3],
                                          "contact": ["email": "asiakas@example.fi"], "wantsAnswer": true]
            for _ in 0..<5 {
                let result3 = try await app.send(from: "203.0.113.21", .POST, "/api/v1/responses", json: RawJSON(invalid))
                XCTAssertEqual(result3.status, .badRequest)
            }

            let first = try await answer(app, from: "203.0.113.21", contact: true)

            XCTAssertEqual(first.status, .created)
        }
    }

    func testTheFeedbackFormAndOpen311ShareTheLimit() async throws {
        try await withApp(adjust: { $0.caseRateLimit = 2 }) { app in
            _ = try await TestWorld.make(on: app)
            let key = try await APIKeys.issue(name: "Palautesovellus", organisationCode: "test-county", on: app.db)
            let form = try await app.sendForm(from: "203.0.113.22", "/f/t-a1", [
                "lang": "fi", "formToken": UUID().uuidString, "nps": "2", "openText": "Soittakaa", "wantsAnswer": "yes", "contactEmail": "a@example.fi"])
            let open311 = try await app.sendForm(from: "203.0.113.22", "/open311/v2/requests.json", [
                "api_key": key, "service_code": "t-a1", "description": "Soittakaa", "email": "b@example.fi"], accept: "application/json")

            let formFlood = try await app.sendForm(from: "203.0.113.22", "/f/t-a1", [
                "lang": "fi", "formToken": UUID().uuidString, "nps": "2", "openText": "Soittakaa", "wantsAnswer": "yes", "contactEmail": "c@example.fi"])
            let open311Flood = try await app.sendForm(from: "203.0.113.22", "/open311/v2/requests.json", [
                "api_key": key, "service_code": "t-a1", "description": "Soittakaa", "email": "d@example.fi"], accept: "application/json")

            XCTAssertEqual(form.status, .seeOther, form.text)
            XCTAssertEqual(open311.status, .ok, open311.text)
            XCTAssertEqual(formFlood.status, .tooManyRequests)
            XCTAssertNotNil(formFlood.headers.first(name: "Retry-After"))
            XCTAssertTrue(formFlood.text.contains("odota minuutti"), "the page says what to do: \(formFlood.text)")
            XCTAssertEqual(open311Flood.status, .tooManyRequests)
            XCTAssertTrue(open311Flood.text.contains("429"), open311Flood.text)
            let cases = try await FeedbackCase.query(on: app.db).count()
            XCTAssertEqual(cases, 2)
        }
    }

    func testCasesArePagedWithTheTotalInAHeader() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            for _ in 0..<5 {
                try await TestWorld.submit(app, target: "t-a1", nps: 1, extra: ["contact": ["email": "a@example.fi"], "wantsAnswer": true])
            }
            let handler = try await world.signIn(app, role: .handler, unit: "A1")

            let first = try await app.send(.GET, "/api/v1/cases?limit=2", token: handler)
            let second = try await app.send(.GET, "/api/v1/cases?limit=2&offset=2", token: handler)
            let last = try await app.send(.GET, "/api/v1/cases?limit=2&offset=4", token: handler)
            let all = try await app.send(.GET, "/api/v1/cases", token: handler).json([CaseSummaryDTO].self)

            XCTAssertEqual(first.headers.first(name: "X-Total-Count"), "5")
            let pages = try [first, second, last].map { try $0.json([CaseSummaryDTO].self).map(\.id) }
            XCTAssertEqual(pages.map(\.count), [2, 2, 1])
            XCTAssertEqual(pages.flatMap { $0 }, all.map(\.id), "pages follow the same order, none repeated or skipped")
        }
    }

    func testOutOfRangePagingIsRefusedNamingTheParameter() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            for (query, field) in [("limit=0", "limit"), ("limit=1001", "limit"), ("limit=ten", "limit"), ("offset=-1", "offset"),
                                   ("offset=x", "offset"), ("offset=99999999999", "offset")] {
                let refused = try await app.send(.GET, "/api/v1/cases?\(query)", token: handler)

                XCTAssertEqual(refused.status, .badRequest, query)
                XCTAssertEqual(refused.object["field"] as? String, field, query)
            }
        }
    }
}
