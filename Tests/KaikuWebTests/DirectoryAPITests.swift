import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class DirectoryAPITests: XCTestCase {
    func testTargetsAreListedWithTheirUnitInTheLanguageAskedFor() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let targets = try await app.send(.GET, "/api/v1/targets?lang=en").json([TargetsController.TargetDTO].self)
            XCTAssertEqual(targets.first { $0.code == "t-a1" }?.name, "Hammashoitola, Keskusta (en)")
            XCTAssertEqual(targets.first { $0.code == "t-a1" }?.unit, "A1")
            XCTAssertEqual(Set(targets.map(\.code)), ["t-a1", "t-a2", "t-a2b", "t-b1", "t-x"])
            let bad = try await app.send(.GET, "/api/v1/targets?lang=de")
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertEqual(bad.object["field"] as? String, "lang")
        }
    }

    func testASearchFindsPlacesBestFirstWithTheirServiceArea() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let a1 = try await Target.query(on: app.db).filter(\.$code == "t-a1").first()
            a1?.keywords = "hammaslääkäri tandvård dentist"
            try await a1?.save(on: app.db)
            _ = world

            let typo = try await app.send(.GET, "/api/v1/targets?lang=en&q=hamas").json([TargetsController.TargetDTO].self)
            XCTAssertEqual(typo.map(\.code), ["t-a1"])
            XCTAssertEqual(typo.first?.area, "Unit A", "the branch below the root, in the language asked for")
            let swedish = try await app.send(.GET, "/api/v1/targets?lang=fi&q=tandv%C3%A5rd").json([TargetsController.TargetDTO].self)
            XCTAssertEqual(swedish.map(\.code), ["t-a1"])
            XCTAssertEqual(swedish.first?.area, "Yksikkö A")
            let ranked = try await app.send(.GET, "/api/v1/targets?q=neuvola").json([TargetsController.TargetDTO].self)
            XCTAssertEqual(ranked.first?.code, "t-a2", "the exact name before anything that only resembles it")
            let none = try await app.send(.GET, "/api/v1/targets?q=xyzzy").json([TargetsController.TargetDTO].self)
            XCTAssertEqual(none.count, 0)

            let long = try await app.send(.GET, "/api/v1/targets?q=" + String(repeating: "a", count: 101))
            XCTAssertEqual(long.status, .badRequest)
            XCTAssertEqual(long.object["field"] as? String, "q")
        }
    }

    func testSurveyListsTheNationalCoreInTheLanguageAskedFor() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let survey = try await app.send(.GET, "/api/v1/targets/t-a1/survey?lang=sv").json(SurveyDTO.self)
            XCTAssertEqual(survey.questions.first?.id, "nps")
            XCTAssertEqual(survey.questions.first?.type, "scale0to10")
            XCTAssertTrue(survey.questions.contains { $0.type == "scale1to5" })
            XCTAssertTrue(survey.questions.contains { $0.id == "openText" && $0.type == "text" })
            let respondent = try XCTUnwrap(survey.questions.first { $0.id == "respondent" })
            XCTAssertEqual(respondent.type, "choice")
            XCTAssertEqual(respondent.options?.map(\.value), ["self", "relative"])
            let finnish = try await app.send(.GET, "/api/v1/targets/t-a1/survey?lang=fi").json(SurveyDTO.self)
            XCTAssertNotEqual(finnish.questions[0].text, survey.questions[0].text)
            let missing = try await app.send(.GET, "/api/v1/targets/none/survey")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testHealthReadinessAndOpenAPIDocument() async throws {
        try await withApp { app in
            let health = try await app.send(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
            let ready = try await app.send(.GET, "/readyz")
            XCTAssertEqual(ready.status, .ok)
            let document = try await app.send(.GET, "/openapi.json")
            XCTAssertEqual(document.headers.contentType, .json)
            let paths = try XCTUnwrap(document.object["paths"] as? [String: Any])
            for path in ["/api/v1/responses", "/api/v1/auth/token", "/api/v1/reports/summary", "/api/v1/targets", "/api/v1/units", "/api/v1/users"] {
                XCTAssertNotNil(paths[path], path)
            }
        }
    }

    func testReadinessFailsWhenTheDatabaseDoesNotAnswer() async throws {
        // A PostgreSQL address where nothing listens: the process is alive, the database is not.
        let app = try await Application.make(.testing)
        do {
            var settings = KaikuSettings(database: .postgres(url: "postgres://kaiku@127.0.0.1:9/kaiku?sslmode=disable"), autoMigrate: false)
            settings.encryptionKey = ContactCipher.generateKey()
            try await configure(app, settings: settings)
            let health = try await app.send(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
            let ready = try await app.send(.GET, "/readyz")
            XCTAssertEqual(ready.status, .serviceUnavailable)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
