import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The classifier's life cycle in the store: answers labelled as they arrive,
/// retraining from corrections, relabelling what nobody corrected — one
/// organisation at a time.
final class ClassifierRetrainingTests: XCTestCase {
    /// Puts a label on an answer that its classifier would not give, as an older classifier might have.
    private func mislabel(_ id: UUID, on app: Application) async throws {
        let row = try await XCTUnwrapAsync(try await FeedbackResponse.find(id, on: app.db))
        row.themes = ResponseInsert.themesText(["stale-theme"])
        row.sentiment = Sentiment.mixed.rawValue
        row.classifiedWith = ClassificationSource.lexicon.rawValue
        try await row.save(on: app.db)
    }

    private func row(_ id: UUID, _ app: Application) async throws -> FeedbackResponse {
        try await XCTUnwrapAsync(try await FeedbackResponse.find(id, on: app.db))
    }

    func testAnAnswerIsStoredWithItsOrganisationsClassificationAndItsSource() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let text = "Jonotin kolme tuntia päivystyksessä, mutta hoitaja oli ystävällinen."
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 5, extra: ["openText": text]).id
            let silent = try await TestWorld.submit(app, target: "t-a1", nps: 9).id

            let stored = try await row(id, app)
            let expected = FeedbackClassifier.untrained().classify(text, language: .fi)
            XCTAssertEqual(ResponseInsert.themeCodes(stored.themes), expected.themes)
            XCTAssertEqual(stored.sentiment, expected.sentiment.rawValue)
            XCTAssertEqual(stored.classifiedWith, ClassificationSource.lexicon.rawValue, "nobody has taught this organisation yet")
            let none = try await row(silent, app)
            XCTAssertNil(none.classifiedWith)
            XCTAssertNil(none.sentiment)
        }
    }

    func testRetrainingStoresTheStateAndLaterAnswersAreLabelledByTheLearnedClassifier() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": "Lääkäriaikaa sai odottaa kuusi viikkoa."]).id
            let put = try await app.send(.PUT, "/api/v1/responses/\(id)/classification",
                                         json: RawJSON(["themes": ["access-quality-care"], "sentiment": "negative"]), token: handler)
            XCTAssertEqual(put.status, .ok, put.text)

            let outcome = try await ClassifierRetrainJob.retrain(organisationID: try world.organisation.requireID(), app: app)

            XCTAssertEqual(outcome.examples, 1)
            let state = try await ClassifierStore.load(organisationID: try world.organisation.requireID(), on: app.db)
            XCTAssertEqual(state.classifier.exampleCount, 1)
            XCTAssertNotNil(state.trainedAt)
            let later = try await TestWorld.submit(app, target: "t-a2", nps: 4, extra: ["openText": "Odotin taas pitkään."]).id
            let stored = try await row(later, app)
            XCTAssertEqual(stored.classifiedWith, ClassificationSource.learned.rawValue)
            let expected = state.classifier.classify("Odotin taas pitkään.", language: .fi)
            XCTAssertEqual(ResponseInsert.themeCodes(stored.themes), expected.themes)
        }
    }

    func testRetrainingRelabelsOnlyItsOwnOrganisationsUncorrectedAnswersAndKeepsCorrections() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            let text = "Hoitaja oli ystävällinen, kiitos."
            let mine = try await TestWorld.submit(app, target: "t-a1", nps: 9, extra: ["openText": text]).id
            let corrected = try await TestWorld.submit(app, target: "t-b1", nps: 9, extra: ["openText": text]).id
            let theirs = try await TestWorld.submit(app, target: "t-x", nps: 9, extra: ["openText": text]).id
            for id in [mine, theirs] { try await mislabel(id, on: app) }
            let put = try await app.send(.PUT, "/api/v1/responses/\(corrected)/classification",
                                         json: RawJSON(["themes": ["rights-language-treatment", "information-contact"], "sentiment": "mixed"]), token: handler)
            XCTAssertEqual(put.status, .ok, put.text)

            let outcome = try await ClassifierRetraining.run(organisationID: try world.organisation.requireID(), at: Date(), on: app.db)

            XCTAssertEqual(outcome.relabelled, 1, "only the mislabelled answer of this organisation changed")
            let classifier = try await ClassifierStore.load(organisationID: try world.organisation.requireID(), on: app.db).classifier
            let relabelled = try await row(mine, app)
            XCTAssertEqual(ResponseInsert.themeCodes(relabelled.themes), classifier.classify(text, language: .fi).themes)
            XCTAssertEqual(relabelled.classifiedWith, ClassificationSource.learned.rawValue)
            let kept = try await row(corrected, app)
            XCTAssertEqual(ResponseInsert.themeCodes(kept.themes), ["rights-language-treatment", "information-contact"], "a correction is never relabelled")
            XCTAssertEqual(kept.sentiment, "mixed")
            XCTAssertEqual(kept.classifiedWith, ClassificationSource.person.rawValue)
            let other = try await row(theirs, app)
            XCTAssertEqual(ResponseInsert.themeCodes(other.themes), ["stale-theme"], "another organisation's answers are not touched")
            XCTAssertEqual(other.classifiedWith, ClassificationSource.lexicon.rawValue)
            let otherState = try await ClassifierStore.trainedAt(organisationID: try world.other.requireID(), on: app.db)
            XCTAssertNil(otherState, "the other organisation has no trained state")
        }
    }

    func testTheRetrainJobRunsFromTheJobTableAfterACorrection() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": "Pysäköintipaikkoja ei ollut."]).id
            let put = try await app.send(.PUT, "/api/v1/responses/\(id)/classification",
                                         json: RawJSON(["themes": ["signage-premises"], "sentiment": "negative"]), token: handler)
            XCTAssertEqual(put.status, .ok, put.text)

            clock.advance(by: ClassifierJobs.window + 1)
            try await JobRunner().runDue(app)

            let state = try await ClassifierStore.load(organisationID: try world.organisation.requireID(), on: app.db)
            XCTAssertEqual(state.classifier.exampleCount, 1)
            let job = try await Job.query(on: app.db).filter(\.$kind == ClassifierJobs.retrain).first()
            XCTAssertNotNil(job?.doneAt)
        }
    }

    func testAnSMSCommentIsLabelledByTheOrganisationsClassifier() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 7).id
            let classifier = FeedbackClassifier.train(on: [LabelledFeedback(text: "jono", language: .fi, themes: ["access-quality-care"], sentiment: .negative)],
                                                      themes: Theme.allCases.map(\.rawValue))

            let attached = try await ResponseComment.attach("Jono oli pitkä", to: id, language: .fi, classifier: classifier, on: app.db)

            XCTAssertTrue(attached)
            let stored = try await row(id, app)
            XCTAssertEqual(stored.classifiedWith, ClassificationSource.learned.rawValue)
            XCTAssertEqual(ResponseInsert.themeCodes(stored.themes), classifier.classify("Jono oli pitkä", language: .fi).themes)
        }
    }
}

/// `XCTUnwrap` for a value found asynchronously.
func XCTUnwrapAsync<T>(_ value: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    let found = try await value()
    return try XCTUnwrap(found, file: file, line: line)
}
