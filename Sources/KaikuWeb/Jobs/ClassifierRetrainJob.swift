import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `classifier.retrain`: teaches the organisation's classifier its handlers'
/// corrections, stores it for every instance and relabels the answers no person corrected.
enum ClassifierRetrainJob {
    static func run(_ job: JobQueue.Claimed, app: Application) async throws {
        let payload = try JSONDecoder().decode(ClassifierJobs.Payload.self, from: Data(job.payload.utf8))
        try await retrain(organisationID: payload.organisationID, app: app)
    }

    @discardableResult
    static func retrain(organisationID: UUID, app: Application) async throws -> ClassifierRetraining.Outcome {
        let started = ContinuousClock.now
        let outcome = try await ClassifierRetraining.run(organisationID: organisationID, at: app.kaiku.clock.now, on: app.db)
        await app.kaiku.classifiers.invalidate(organisationID)
        app.logger.info("retrained the classifier of organisation \(organisationID) on \(outcome.examples) corrections; relabelled \(outcome.relabelled) answers in \(ContinuousClock.now - started)")
        return outcome
    }
}
