import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `PUT /api/v1/responses/{id}/classification`: who may correct, what is
/// refused, and what a correction stores and schedules.
final class ClassificationCorrectionAPITests: XCTestCase {
    private func correct(_ app: Application, _ id: UUID, _ body: [String: Any], token: String) async throws -> XCTHTTPResponse {
        try await app.send(.PUT, "/api/v1/responses/\(id)/classification", json: RawJSON(body), token: token)
    }

    func testAHandlerCorrectsThemesAndSentimentAndARetrainingIsScheduled() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": "Odotin puhelimessa tunnin."]).id

            let response = try await correct(app, id, ["themes": ["information-contact", "access-quality-care"], "sentiment": "negative"], token: handler)

            XCTAssertEqual(response.status, .ok, response.text)
            let body = try response.json(ResponseClassificationController.ClassificationDTO.self)
            XCTAssertEqual(body.themes, ["information-contact", "access-quality-care"])
            XCTAssertEqual(body.sentiment, "negative")
            XCTAssertEqual(body.classifiedWith, "person")
            XCTAssertNotNil(body.correctedAt)
            let stored = try await XCTUnwrapAsync(try await FeedbackResponse.find(id, on: app.db))
            XCTAssertEqual(stored.themes, ",information-contact,access-quality-care,")
            XCTAssertNotNil(stored.correctedBy)
            let jobs = try await Job.query(on: app.db).filter(\.$kind == ClassifierJobs.retrain).count()
            XCTAssertEqual(jobs, 1)
            let shown = try await app.send(.GET, "/api/v1/responses/\(id)", token: handler)
            XCTAssertEqual(shown.object["themes"] as? [String], ["information-contact", "access-quality-care"])
        }
    }

    func testAnOrganisationsOwnThemeCanBeGivenAndAnEmptyListClearsTheThemes() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let added = try await app.send(.POST, "/api/v1/themes", json: RawJSON(["code": "parking", "name": ["fi": "Pysäköinti", "sv": "Parkering", "en": "Parking"]]), token: admin)
            XCTAssertEqual(added.status, .created, added.text)
            let id = try await TestWorld.submit(app, target: "t-b1", nps: 3, extra: ["openText": "Parkkipaikkaa ei löytynyt."]).id

            let own = try await correct(app, id, ["themes": ["parking"], "sentiment": "negative"], token: admin)
            let cleared = try await correct(app, id, ["themes": [], "sentiment": "neutral"], token: admin)

            XCTAssertEqual(own.status, .ok, own.text)
            XCTAssertEqual(cleared.status, .ok, cleared.text)
            let stored = try await XCTUnwrapAsync(try await FeedbackResponse.find(id, on: app.db))
            XCTAssertNil(stored.themes)
            XCTAssertEqual(stored.sentiment, "neutral")
        }
    }

    func testUnknownOrRepeatedThemesAndBadSentimentsAreRefusedWithTheirFieldAndChangeNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": "Kiitos avusta."]).id
            let before = try await XCTUnwrapAsync(try await FeedbackResponse.find(id, on: app.db))

            let cases: [([String: Any], String)] = [
                (["themes": ["no-such-theme"], "sentiment": "negative"], "themes"),
                (["themes": ["access-quality-care", "access-quality-care"], "sentiment": "negative"], "themes"),
                (["themes": Array(repeating: "access-quality-care", count: 21), "sentiment": "negative"], "themes"),
                (["themes": ["access-quality-care"], "sentiment": "angry"], "sentiment"),
                (["themes": ["access-quality-care"]], "sentiment"),
                (["themes": "access-quality-care", "sentiment": "negative"], "themes"),
            ]
            for (body, field) in cases {
                let response = try await correct(app, id, body, token: handler)
                XCTAssertEqual(response.status, .badRequest, "\(body): \(response.text)")
                XCTAssertEqual(response.object["field"] as? String, field, "\(body)")
            }
            let after = try await XCTUnwrapAsync(try await FeedbackResponse.find(id, on: app.db))
            XCTAssertEqual(after.themes, before.themes)
            XCTAssertNil(after.correctedBy)
            let jobs = try await Job.query(on: app.db).filter(\.$kind == ClassifierJobs.retrain).count()
            XCTAssertEqual(jobs, 0)
        }
    }

    func testAnswersOutsideOnesUnitsAreNotFoundAnalystsMayNotAndWithoutOpenTextThereIsNothingToCorrect() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handlerOfB = try await world.signIn(app, role: .handler, unit: "B")
            let analyst = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let handlerOfA = try await world.signIn(app, role: .handler, unit: "A")
            let otherOrganisation = try await world.signIn(app, role: .administrator, unit: "X")
            let inA = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": "Hyvä palvelu."]).id
            let silent = try await TestWorld.submit(app, target: "t-a1", nps: 3).id
            let body: [String: Any] = ["themes": ["rights-language-treatment"], "sentiment": "positive"]

            let outside = try await correct(app, inA, body, token: handlerOfB)
            let foreign = try await correct(app, inA, body, token: otherOrganisation)
            let unknown = try await correct(app, UUID(), body, token: handlerOfA)
            let reading = try await correct(app, inA, body, token: analyst)
            let nothing = try await correct(app, silent, body, token: handlerOfA)
            let anonymous = try await app.send(.PUT, "/api/v1/responses/\(inA)/classification", json: RawJSON(body))

            XCTAssertEqual(outside.status, .notFound)
            XCTAssertEqual(foreign.status, .notFound)
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(reading.status, .forbidden)
            XCTAssertEqual(nothing.status, .conflict, nothing.text)
            XCTAssertEqual(anonymous.status, .unauthorized)
            let stored = try await XCTUnwrapAsync(try await FeedbackResponse.find(inA, on: app.db))
            XCTAssertNil(stored.correctedBy)
        }
    }
}
