import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// A classifier stored by an older build (other features or built-in examples) must
/// not be read with this build's features: it counts as untrained until it is retrained
/// from the organisation's corrections, which the server schedules as it starts.
final class ClassifierStaleStateTests: XCTestCase {
    func testAStateOfAnOlderBuildCountsAsUntrainedAndIsRetrainedFromTheCorrections() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let organisationID = try world.organisation.requireID()
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": "Lääkäriaikaa sai odottaa kuusi viikkoa."]).id
            let put = try await app.send(.PUT, "/api/v1/responses/\(id)/classification",
                                         json: RawJSON(["themes": ["access-quality-care"], "sentiment": "negative"]), token: handler)
            XCTAssertEqual(put.status, .ok, put.text)
            _ = try await ClassifierRetrainJob.retrain(organisationID: organisationID, app: app)
            let state = try await XCTUnwrapAsync(try await ClassifierState.query(on: app.db).filter(\.$organisationID == organisationID).first())
            let current = FeedbackClassifier.currentKnowledge
            XCTAssertTrue(state.state.contains(current), "a trained state carries the build's knowledge stamp")
            state.state = state.state.replacingOccurrences(of: current, with: "features-1.examples-older")
            try await state.save(on: app.db)
            let staleTime = state.trainedAt

            let loaded = try await ClassifierStore.load(organisationID: organisationID, on: app.db)
            XCTAssertEqual(loaded.classifier.exampleCount, 0, "a stale state is not used")
            XCTAssertEqual(loaded.trainedAt, staleTime, "caches keep the untrained one until the retraining")
            let scheduled = try await ClassifierStore.scheduleStaleRetraining(at: app.kaiku.clock.now, on: app.db)
            XCTAssertEqual(scheduled, 1)

            clock.advance(by: ClassifierJobs.window + 1)
            try await JobRunner().runDue(app)

            let retrained = try await ClassifierStore.load(organisationID: organisationID, on: app.db)
            XCTAssertEqual(retrained.classifier.exampleCount, 1, "the correction is learned again")
            XCTAssertTrue(retrained.classifier.isCurrent)
            let again = try await ClassifierStore.scheduleStaleRetraining(at: app.kaiku.clock.now, on: app.db)
            XCTAssertEqual(again, 0, "nothing is stale after the retraining")
        }
    }
}
