import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension Application {
    /// The organisation's classifier from the cache. Never throws: when the
    /// state cannot be read, the lexicons classify, so that no answer is refused because of its classification.
    func classifier(for organisationID: UUID) async -> FeedbackClassifier {
        let database = db
        do {
            return try await kaiku.classifiers.classifier(
                for: organisationID, now: kaiku.clock.now,
                trainedAt: { try await ClassifierStore.trainedAt(organisationID: organisationID, on: database) },
                load: { try await ClassifierStore.load(organisationID: organisationID, on: database) })
        } catch {
            logger.warning("classifier of organisation \(organisationID) unavailable, using the lexicons: \(String(describing: error))")
            return .untrained()
        }
    }
}

extension Request {
    func classifier(for organisationID: UUID) async -> FeedbackClassifier {
        await application.classifier(for: organisationID)
    }
}
