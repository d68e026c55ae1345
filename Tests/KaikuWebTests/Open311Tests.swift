import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Open311 GeoReport v2 with the CitySDK and 6Aika extensions, checked
/// field by field and filter by filter against the 6Aika `palaute.swagger.yaml`.
final class Open311Tests: XCTestCase {
    private static let midsummer = TestClock(ISO8601DateFormatter().date(from: "2026-06-30T12:00:00Z")!)

    private func get(_ app: Application, _ path: String) async throws -> (status: HTTPStatus, json: Any?, text: String) {
        let response = try await app.send(.GET, "/open311/v2/" + path)
        let json = try? JSONSerialization.jsonObject(with: Data(response.text.utf8))
        return (response.status, json, response.text)
    }

    private func list(_ app: Application, _ path: String) async throws -> [[String: Any]] {
        let result = try await get(app, path)
        XCTAssertEqual(result.status, .ok, result.text)
        return result.json as? [[String: Any]] ?? []
    }

    private func post(_ app: Application, _ fields: [String: String], format: String = "json") async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.key, value: $0.value) }
        let body = components.percentEncodedQuery!.replacingOccurrences(of: "+", with: "%2B")
        return try await app.send(.POST, "/open311/v2/requests.\(format)", headers: headers, body: body)
    }

    /// The test organisations, publishing open text without review: these
    /// tests are about the list and its filters (PublicReviewTests cover the review).
    private func publishingWorld(_ app: Application) async throws -> TestWorld {
        let world = try await TestWorld.make(on: app)
        for organisation in [world.organisation, world.other] {
            organisation.publishOpenText = OpenTextPublishing.immediately.rawValue
            try await organisation.save(on: app.db)
        }
        return world
    }

    /// Feedback with open text at the given time through the JSON API.
    @discardableResult
    private func feedback(_ app: Application, target: String = "t-a1", text: String?, at: String, contact: Bool = false) async throws -> UUID {
        var extra: [String: Any] = ["answeredAt": at]
        if let text { extra["openText"] = text }
        if contact { extra["contact"] = ["name": "Maija Meikäläinen", "email": "maija@example.org"]; extra["wantsAnswer"] = true }
        return try await TestWorld.submit(app, target: target, nps: 8, extra: extra).id
    }

    func testServicesAreTheJurisdictionsActiveTargetsNamedInTheLocale() async throws {
        try await withApp { app in
            _ = try await publishingWorld(app)

            let services = try await list(app, "services.json?jurisdiction_id=test-county&locale=sv")

            XCTAssertEqual(services.map { $0["service_code"] as? String }, ["t-a1", "t-a2", "t-a2b", "t-b1"])
            let first = try XCTUnwrap(services.first)
            XCTAssertEqual(first["service_name"] as? String, "Hammashoitola, Keskusta (sv)")
            XCTAssertEqual(first["description"] as? String, "Enhet A1")
            XCTAssertEqual(first["group"] as? String, "Enhet A")
            XCTAssertEqual(first["metadata"] as? Bool, false)
            XCTAssertEqual(first["type"] as? String, "realtime")
            XCTAssertEqual(first["keywords"] as? [String], ["t-a1", "A1"])
            let english = try await list(app, "services.json?jurisdiction_id=test-county")
            XCTAssertEqual(english.first?["service_name"] as? String, "Hammashoitola, Keskusta (en)", "English without a locale")
            let everyone = try await list(app, "services.json")
            XCTAssertEqual(everyone.count, 5, "without jurisdiction_id every organisation's targets")
        }
    }

    func testServicesInXMLAndAServiceDefinition() async throws {
        try await withApp { app in
            _ = try await publishingWorld(app)

            let xml = try await get(app, "services.xml?jurisdiction_id=test-county&locale=fi")
            let definition = try await get(app, "services/t-b1.json?locale=fi")
            let missing = try await get(app, "services/nope.xml")

            XCTAssertEqual(xml.status, .ok)
            XCTAssertTrue(xml.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><services><service><service_code>t-a1</service_code><service_name>Hammashoitola, Keskusta</service_name>"#), xml.text)
            XCTAssertEqual(xml.text.components(separatedBy: "<service>").count - 1, 4)
            let object = try XCTUnwrap(definition.json as? [String: Any])
            XCTAssertEqual(object["service_code"] as? String, "t-b1")
            XCTAssertEqual(object["service_name"] as? String, "Päivystys")
            XCTAssertEqual((object["attributes"] as? [Any])?.count, 0)
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertTrue(missing.text.contains("<errors><error><code>404</code><description>No service with service_code nope.</description></error></errors>"), missing.text)
        }
    }

    func testUnknownJurisdictionAndFormatGetTheStandardsErrors() async throws {
        try await withApp { app in
            _ = try await publishingWorld(app)

            let jurisdiction = try await get(app, "requests.json?jurisdiction_id=atlantis")
            let format = try await get(app, "requests.csv")
            let status = try await get(app, "requests.json?status=pending")
            let dates = try await get(app, "requests.json?start_date=tomorrow")
            let nulJurisdiction = try await get(app, "services.json?jurisdiction_id=test-county%00")
            let nulService = try await get(app, "services/t-a1%00.json?jurisdiction_id=test-county")
            let nulFilter = try await get(app, "requests.json?service_code=t-a1%00")

            XCTAssertEqual(jurisdiction.status, .notFound)
            XCTAssertEqual((jurisdiction.json as? [[String: Any]])?.first?["code"] as? Int, 404)
            XCTAssertEqual(format.status, .notFound)
            XCTAssertEqual(nulJurisdiction.status, .notFound, "a NUL never reaches the database: \(nulJurisdiction.text)")
            XCTAssertEqual(nulService.status, .notFound, nulService.text)
            XCTAssertEqual(nulFilter.status, .ok, nulFilter.text)
            XCTAssertEqual((nulFilter.json as? [Any])?.count, 0, "an unknown service code matches nothing")
            for result in [status, dates] {
                XCTAssertEqual(result.status, .badRequest)
                let error = (result.json as? [[String: Any]])?.first
                XCTAssertEqual(error?["code"] as? Int, 400)
                XCTAssertNotNil(error?["description"] as? String)
            }
        }
    }

    func testPostWithAKeyCreatesOpenFeedbackWhoseContactNeverShows() async throws {
        try await withApp { app in
            let world = try await publishingWorld(app)
            let key = try await APIKeys.issue(name: "Palautesovellus", organisationCode: "test-county", on: app.db)

            let response = try await post(app, ["api_key": key, "service_code": "t-a2", "title": "Kiitos",
                                                "description": "Hoitaja oli ystävällinen. Soittakaa 040 123 4567.",
                                                "first_name": "Maija", "last_name": "Meikäläinen", "email": "maija@example.org",
                                                "phone": "+358401234567", "lat": "60.1", "long": "24.9"])

            XCTAssertEqual(response.status, .ok, response.text)
            let created = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])?.first)
            let id = try XCTUnwrap((created["service_request_id"] as? String).flatMap(UUID.init(uuidString:)))
            let found = try await FeedbackResponse.find(id, on: app.db)
            let stored = try XCTUnwrap(found)
            XCTAssertEqual(stored.channel, "open311")
            XCTAssertEqual(stored.unitID, world.units["A2"]?.id)
            XCTAssertEqual(stored.openText, "Kiitos\nHoitaja oli ystävällinen. Soittakaa [PHONE].")
            XCTAssertTrue(stored.wantsAnswer)
            let caseCount = try await FeedbackCase.query(on: app.db).filter(\.$responseID == id).count()
            XCTAssertEqual(caseCount, 1, "contact given: a case owes the customer an answer")

            let shown = try await get(app, "requests/\(id.uuidString.lowercased()).json?extensions=true")
            let request = try XCTUnwrap((shown.json as? [[String: Any]])?.first)
            XCTAssertEqual(request["status"] as? String, "open")
            XCTAssertEqual(request["title"] as? String, "Kiitos")
            XCTAssertNotNil(request["expected_datetime"] as? String)
            for secret in ["Maija", "Meikäläinen", "maija@example.org", "4567", "358401234567"] {
                XCTAssertFalse(shown.text.contains(secret), "\(secret) must not be public")
            }
        }
    }

    func testPostsThatAreRefusedStoreNothing() async throws {
        try await withApp { app in
            _ = try await publishingWorld(app)
            let key = try await APIKeys.issue(name: "App", organisationCode: "test-county", on: app.db)
            let cases: [([String: String], HTTPStatus)] = [
                (["service_code": "t-a1", "description": "x"], .forbidden),
                (["api_key": "kaiku_wrong", "service_code": "t-a1", "description": "x"], .forbidden),
                (["api_key": key, "service_code": "t-x", "description": "another organisation's target"], .badRequest),
                (["api_key": key, "service_code": "nope", "description": "x"], .badRequest),
                (["api_key": key, "service_code": "t-a1\u{0}", "description": "x"], .badRequest),
                (["api_key": key, "service_code": "t-a1", "description": "x", "first_name": "Maija\u{0}", "email": "m@example.org"], .badRequest),
                (["api_key": key, "description": "x"], .badRequest),
                (["api_key": key, "service_code": "t-a1", "description": "  "], .badRequest),
                (["api_key": key, "service_code": "t-a1", "description": String(repeating: "x", count: 5_001)], .badRequest),
            ]

            for (fields, status) in cases {
                let response = try await post(app, fields, format: "xml")
                XCTAssertEqual(response.status, status, "\(fields.keys.sorted()): \(response.text)")
                XCTAssertTrue(response.text.contains("<errors><error><code>\(status.code)</code><description>"), response.text)
            }
            let stored = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testRequestsListPublicFeedbackNewestFirstWithTheStandardFields() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            _ = try await publishingWorld(app)
            let older = try await feedback(app, text: "Hyvä palvelu", at: "2026-06-01T09:00:00+03:00")
            let newer = try await feedback(app, target: "t-b1", text: "Pitkä jono <b>päivystyksessä</b>", at: "2026-06-20T15:30:00+03:00")
            try await feedback(app, text: nil, at: "2026-06-21T10:00:00+03:00")
            try await TestWorld.submit(app, target: "t-x", nps: nil, extra: ["openText": "Other county", "answeredAt": "2026-06-22T10:00:00+03:00"])

            let requests = try await list(app, "requests.json?jurisdiction_id=test-county")

            XCTAssertEqual(requests.map { $0["service_request_id"] as? String }, [newer, older].map { $0.uuidString.lowercased() })
            let first = requests[0]
            XCTAssertEqual(first["status"] as? String, "closed")
            XCTAssertEqual(first["service_code"] as? String, "t-b1")
            XCTAssertEqual(first["service_name"] as? String, "Päivystys (en)")
            XCTAssertEqual(first["description"] as? String, "Pitkä jono <b>päivystyksessä</b>")
            XCTAssertEqual(first["agency_responsible"] as? String, "Unit B1")
            XCTAssertEqual(first["requested_datetime"] as? String, "2026-06-20T15:30:00+03:00")
            XCTAssertNotNil(first["updated_datetime"] as? String)
            XCTAssertNil(first["expected_datetime"], "closed feedback expects nothing")
            XCTAssertNil(first["title"], "extensions only with extensions=true")
            XCTAssertNil(first["request_history"])
            let xml = try await get(app, "requests.xml?jurisdiction_id=test-county")
            XCTAssertTrue(xml.text.contains("<description>Pitkä jono &lt;b&gt;päivystyksessä&lt;/b&gt;</description>"), xml.text)
            let everyone = try await list(app, "requests.json")
            XCTAssertEqual(everyone.count, 3, "without jurisdiction_id every organisation's public feedback")
        }
    }

    func testFiltersByIdServiceCodeDatesAndStatus() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            _ = try await publishingWorld(app)
            let early = try await feedback(app, text: "Toukokuu", at: "2026-05-15T12:00:00+03:00")
            let june = try await feedback(app, target: "t-a2", text: "Kesäkuu", at: "2026-06-10T12:00:00+03:00")
            let open = try await feedback(app, target: "t-b1", text: "Vastatkaa", at: "2026-06-12T08:00:00+03:00", contact: true)
            let old = try await feedback(app, text: "Viime vuonna", at: "2025-12-01T12:00:00+02:00")
            func ids(_ query: String) async throws -> [UUID] {
                try await list(app, "requests.json?jurisdiction_id=test-county&" + query)
                    .compactMap { ($0["service_request_id"] as? String).flatMap(UUID.init(uuidString:)) }
            }

            let byID = try await ids("service_request_id=\(old.uuidString.lowercased()),\(early.uuidString.lowercased())&status=open")
            let byCode = try await ids("service_code=t-a2,t-b1")
            let byDates = try await ids("start_date=2026-06-01T00:00:00%2B03:00&end_date=2026-06-11")
            let byDay = try await ids("start_date=2026-06-12&end_date=2026-06-12")
            let opened = try await ids("status=open")
            let closed = try await ids("status=closed")
            let both = try await ids("status=open,closed")
            let recent = try await ids("")

            XCTAssertEqual(Set(byID), [old, early], "service_request_id overrides every other filter")
            XCTAssertEqual(byCode, [open, june])
            XCTAssertEqual(byDates, [june])
            XCTAssertEqual(byDay, [open])
            XCTAssertEqual(opened, [open])
            XCTAssertEqual(closed, [june, early])
            XCTAssertEqual(both, [open, june, early])
            XCTAssertEqual(recent, [open, june, early], "without dates the last 90 days")
        }
    }

    func testCitySDKFiltersByUpdateTimeAndServiceObject() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            _ = try await publishingWorld(app)
            let june = try await feedback(app, target: "t-a2", text: "Kesäkuu", at: "2026-06-10T12:00:00+03:00")
            let open = try await feedback(app, target: "t-b1", text: "Vastatkaa", at: "2026-06-12T08:00:00+03:00", contact: true)
            let old = try await feedback(app, text: "Viime vuonna", at: "2025-12-01T12:00:00+02:00")
            let handled = try await FeedbackCase.query(on: app.db).filter(\.$responseID == open).first()
            let later = Self.midsummer.wall.now.addingTimeInterval(2 * 86_400)
            try await CaseEvent(caseID: try XCTUnwrap(handled).requireID(), at: later, kind: .taken).create(on: app.db)
            try await CaseEvent(caseID: try XCTUnwrap(handled).requireID(), at: later.addingTimeInterval(86_400), kind: .note).create(on: app.db)
            func ids(_ query: String) async throws -> [UUID] {
                try await list(app, "requests.json?jurisdiction_id=test-county&" + query)
                    .compactMap { ($0["service_request_id"] as? String).flatMap(UUID.init(uuidString:)) }
            }

            let updatedLater = try await ids("updated_after=2026-07-01")
            let updatedBefore = try await ids("updated_before=2026-07-01")
            let notesDoNotCount = try await ids("updated_after=2026-07-03")
            let byUnit = try await ids("service_object_id=A2,B1&service_object_type=kaiku:unit")
            let otherType = try await ids("service_object_id=A2&service_object_type=trash_bin")
            let backwards = try await get(app, "requests.json?updated_after=2026-07-02&updated_before=2026-07-01")

            XCTAssertEqual(updatedLater, [open], "taken on 2 July: its public history moved")
            XCTAssertEqual(updatedBefore, [june, old], "an update filter lifts the 90-day default")
            XCTAssertEqual(notesDoNotCount, [], "an internal note is no public update")
            XCTAssertEqual(byUnit, [open, june])
            XCTAssertEqual(otherType, [])
            XCTAssertEqual(backwards.status, .badRequest)
            let shown = try await list(app, "requests.json?extensions=true&service_request_id=\(open.uuidString.lowercased())")
            XCTAssertEqual(shown.first?["updated_datetime"] as? String, "2026-07-02T15:00:00+03:00",
                           "the filter reads the same time the list shows")
        }
    }

    func testExtensionsAddTitleMediaServiceObjectAndTheCasesPublicHistory() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            _ = try await publishingWorld(app)
            let id = try await feedback(app, target: "t-b1", text: "Odotin kolme tuntia\nEikä kukaan kertonut miksi.",
                                        at: "2026-06-12T08:00:00+03:00", contact: true)
            let opened = try await FeedbackCase.query(on: app.db).filter(\.$responseID == id).first()
            let item = try XCTUnwrap(opened)
            let caseID = try item.requireID()
            let received = item.receivedAt
            for (kind, minutes) in [(CaseEventKind.assigned, 10.0), (.note, 20), (.taken, 30), (.answered, 40), (.closed, 41)] {
                try await CaseEvent(caseID: caseID, at: received.addingTimeInterval(minutes * 60), kind: kind, detail: "sisäinen").create(on: app.db)
            }
            item.status = CaseStatus.closed.rawValue
            try await item.save(on: app.db)

            let result = try await get(app, "requests/\(id.uuidString).json?extensions=true&locale=fi")

            let request = try XCTUnwrap((result.json as? [[String: Any]])?.first)
            XCTAssertEqual(request["status"] as? String, "closed")
            XCTAssertEqual(request["title"] as? String, "Odotin kolme tuntia")
            XCTAssertEqual((request["media_urls"] as? [Any])?.count, 0)
            XCTAssertEqual(request["service_object_id"] as? String, "B1")
            XCTAssertEqual(request["service_object_type"] as? String, "kaiku:unit")
            let history = try XCTUnwrap(request["request_history"] as? [[String: Any]])
            XCTAssertEqual(history.map { $0["status"] as? String }, ["received", "allocated", "handling", "handling", "done"])
            XCTAssertEqual(request["updated_datetime"] as? String, history.last?["time"] as? String)
            XCTAssertFalse(result.text.contains("sisäinen"), "event details stay internal")
            let xml = try await get(app, "requests/\(id.uuidString).xml?extensions=true")
            XCTAssertTrue(xml.text.contains("<request_history><history><time>"), xml.text)
            XCTAssertTrue(xml.text.contains("<status>done</status></history></request_history>"), xml.text)
        }
    }

    func testFeedbackAHandlerHidesLeavesThePublicList() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            let world = try await publishingWorld(app)
            let id = try await feedback(app, text: "Nimeni on Matti ja asun Kuusikujalla", at: "2026-06-10T12:00:00+03:00")
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let analyst = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let outsider = try await world.signIn(app, role: .handler, unit: "B")
            let path = "/api/v1/responses/\(id.uuidString)/public"

            let refused = try await app.send(.PUT, path, json: ["public": false], token: analyst)
            let elsewhere = try await app.send(.PUT, path, json: ["public": false], token: outsider)
            let hidden = try await app.send(.PUT, path, json: ["public": false], token: handler)

            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertEqual(elsewhere.status, .notFound)
            XCTAssertEqual(hidden.status, .ok, hidden.text)
            let listed = try await list(app, "requests.json")
            XCTAssertTrue(listed.isEmpty)
            let single = try await get(app, "requests/\(id.uuidString).json")
            XCTAssertEqual(single.status, .notFound)
            let shown = try await app.send(.GET, "/api/v1/responses/\(id.uuidString)", token: handler)
            XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(shown.text.utf8)) as? [String: Any])?["public"] as? Bool, false)

            _ = try await app.send(.PUT, path, json: ["public": true], token: handler)
            let back = try await list(app, "requests.json")
            XCTAssertEqual(back.count, 1)
        }
    }
}
