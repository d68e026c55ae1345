import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The optional language model against a fake endpoint on 127.0.0.1: asked
/// after the answer is stored, with masked text and the key as Bearer; its
/// answer validated; the local classifier's result kept when it fails.
final class LanguageModelTests: XCTestCase {
    private let comment = "Odotin kuusi viikkoa lääkäriaikaa. Soittakaa minulle 040 123 4567 tai matti.meikalainen@example.fi"

    private func withModel(timeout: TimeInterval = 2, _ body: (Application, FakeLanguageModel, TestWorld) async throws -> Void) async throws {
        try await FakeLanguageModel.serve { fake in
            try await withApp(adjust: { settings in
                settings.languageModel = LanguageModelConfiguration(url: fake.url, key: "test-key-123", model: "kaiku-test", timeout: timeout)
            }) { app in
                let world = try await TestWorld.make(on: app)
                try await body(app, fake, world)
            }
        }
    }

    private func stored(_ id: UUID, _ app: Application) async throws -> FeedbackResponse {
        try await XCTUnwrapAsync(try await FeedbackResponse.find(id, on: app.db))
    }

    func testTheModelsValidatedAnswerIsStoredAfterTheAnswerWithMaskedTextAndTheKeyAsBearer() async throws {
        try await withModel { app, fake, world in
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let added = try await app.send(.POST, "/api/v1/themes", json: RawJSON(["code": "parking", "name": ["fi": "Pysäköinti", "sv": "Parkering", "en": "Parking"]]), token: admin)
            XCTAssertEqual(added.status, .created, added.text)
            fake.behave(.content("```json\n{\"themes\": [\"access-quality-care\", \"astrology\", \"access-quality-care\", \"parking\"], \"sentiment\": \"negative\"}\n```"))

            let id = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": comment]).id
            XCTAssertTrue(fake.received.isEmpty, "the model is not asked while the answer is submitted")
            let arrived = try await stored(id, app)
            XCTAssertEqual(arrived.classifiedWith, ClassificationSource.lexicon.rawValue, "labelled locally with its 201")
            try await JobRunner().runDue(app)

            let row = try await stored(id, app)
            XCTAssertEqual(ResponseInsert.themeCodes(row.themes), ["access-quality-care", "parking"], "unknown and repeated codes are dropped")
            XCTAssertEqual(row.sentiment, "negative")
            XCTAssertEqual(row.classifiedWith, ClassificationSource.languageModel.rawValue)
            let request = try XCTUnwrap(fake.received.first)
            XCTAssertEqual(fake.received.count, 1)
            XCTAssertEqual(request.authorization, "Bearer test-key-123")
            XCTAssertEqual(request.model, "kaiku-test")
            XCTAssertFalse(request.user.contains("040 123 4567"), request.user)
            XCTAssertFalse(request.user.contains("matti.meikalainen"), request.user)
            XCTAssertTrue(request.user.contains("[PHONE]") && request.user.contains("[EMAIL]"), request.user)
            for code in Theme.allCases.map(\.rawValue) + ["parking"] { XCTAssertTrue(request.system.contains("- \(code):"), code) }
            for sentiment in Sentiment.allCases { XCTAssertTrue(request.system.contains(sentiment.rawValue)) }
        }
    }

    func testAnUnusableAnswerOrAFailureKeepsTheLocalClassifiersResult() async throws {
        try await withModel { app, fake, _ in
            let local = FeedbackClassifier.untrained().classify(TextMasker().mask(comment).text, language: .fi)
            for behaviour in [FakeLanguageModel.Behaviour.content("It is about waiting, I think."),
                              .content("{\"themes\": [\"access-quality-care\"], \"sentiment\": \"furious\"}"),
                              .status(500)] {
                fake.behave(behaviour)
                let id = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": comment]).id
                try await JobRunner().runDue(app)

                let row = try await stored(id, app)
                XCTAssertEqual(ResponseInsert.themeCodes(row.themes), local.themes, "\(behaviour)")
                XCTAssertEqual(row.sentiment, local.sentiment.rawValue, "\(behaviour)")
                XCTAssertEqual(row.classifiedWith, ClassificationSource.lexicon.rawValue, "\(behaviour)")
            }
            XCTAssertEqual(fake.received.count, 3)
            let failed = try await Job.query(on: app.db).filter(\.$kind == LanguageModelJob.kind).filter(\.$doneAt == nil).count()
            XCTAssertEqual(failed, 0, "a model's failure is not the job's failure")
        }
    }

    func testASlowModelIsGivenUpAfterTheTimeout() async throws {
        try await withModel(timeout: 0.3) { app, fake, _ in
            fake.behave(.slow(1.5))
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": comment]).id
            let started = Date()

            let source = try await LanguageModelJob.classify(responseID: id, app: app)

            XCTAssertLessThan(Date().timeIntervalSince(started), 1.2)
            XCTAssertEqual(source, .lexicon)
            let row = try await stored(id, app)
            XCTAssertEqual(row.classifiedWith, ClassificationSource.lexicon.rawValue)
        }
    }

    func testTheModelNeverOverwritesAPersonsCorrection() async throws {
        try await withModel { app, fake, world in
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            fake.behave(.content("{\"themes\": [\"access-quality-care\"], \"sentiment\": \"negative\"}"))
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": comment]).id
            let put = try await app.send(.PUT, "/api/v1/responses/\(id)/classification",
                                         json: RawJSON(["themes": ["thanks"], "sentiment": "mixed"]), token: handler)
            XCTAssertEqual(put.status, .ok, put.text)

            let source = try await LanguageModelJob.classify(responseID: id, app: app)

            XCTAssertNil(source)
            XCTAssertTrue(fake.received.isEmpty)
            let row = try await stored(id, app)
            XCTAssertEqual(ResponseInsert.themeCodes(row.themes), ["thanks"])
            XCTAssertEqual(row.classifiedWith, ClassificationSource.person.rawValue)
        }
    }

    func testWithoutTheSettingsNoAnswerIsQueuedForAModel() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            _ = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": comment])

            let queued = try await Job.query(on: app.db).filter(\.$kind == LanguageModelJob.kind).count()
            XCTAssertEqual(queued, 0)
            XCTAssertNil(app.kaiku.languageModel)
        }
    }

    func testTheSettingsAreReadAndCheckedFromTheEnvironment() throws {
        XCTAssertNil(try KaikuSettings.languageModel(in: [:]))
        let read = try XCTUnwrap(try KaikuSettings.languageModel(in: [
            "KAIKU_LLM_URL": "https://llm.example.fi/v1/", "KAIKU_LLM_MODEL": "small", "KAIKU_LLM_KEY": "k"]))
        XCTAssertEqual(read.endpoint, "https://llm.example.fi/v1/chat/completions")
        XCTAssertEqual(read.key, "k")
        XCTAssertEqual(read.model, "small")
        XCTAssertThrowsError(try KaikuSettings.languageModel(in: ["KAIKU_LLM_URL": "ftp://llm.example.fi", "KAIKU_LLM_MODEL": "m"])) { error in
            XCTAssertEqual((error as? SettingsProblem)?.variable, "KAIKU_LLM_URL")
        }
        XCTAssertThrowsError(try KaikuSettings.languageModel(in: ["KAIKU_LLM_URL": "http://127.0.0.1:8000/v1"])) { error in
            XCTAssertEqual((error as? SettingsProblem)?.variable, "KAIKU_LLM_MODEL")
        }
    }
}
