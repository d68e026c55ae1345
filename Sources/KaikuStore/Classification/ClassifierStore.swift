import FluentKit
import Foundation
import KaikuCore

/// Stores and loads each organisation's trained classifier.
public enum ClassifierStore {
    /// The organisation's classifier: its trained state, or the lexicons with
    /// its themes when nobody has corrected anything yet. `trainedAt` is nil then.
    public static func load(organisationID: UUID, on database: any Database) async throws -> (classifier: FeedbackClassifier, trainedAt: Date?) {
        if let row = try await ClassifierState.query(on: database).filter(\.$organisationID == organisationID).first(),
           let classifier = try? JSONDecoder().decode(FeedbackClassifier.self, from: Data(row.state.utf8)) {
            return (classifier, row.trainedAt)
        }
        // A state that no longer decodes (an older format) counts as untrained until the next retraining.
        let codes = try await ThemeCatalogue.codes(organisationID: organisationID, on: database)
        return (.untrained(themes: codes), nil)
    }

    /// When the stored state was trained; a cheap check of whether a cached copy is current.
    public static func trainedAt(organisationID: UUID, on database: any Database) async throws -> Date? {
        try await ClassifierState.query(on: database).filter(\.$organisationID == organisationID)
            .field(\.$id).field(\.$trainedAt).first()?.trainedAt
    }

    public static func save(_ classifier: FeedbackClassifier, organisationID: UUID, at now: Date, on database: any Database) async throws {
        let state = String(decoding: try JSONEncoder().encode(classifier), as: UTF8.self)
        let row = try await ClassifierState.query(on: database).filter(\.$organisationID == organisationID).first() ?? ClassifierState()
        row.organisationID = organisationID
        row.state = state
        row.exampleCount = classifier.exampleCount
        // Strictly later than the previous state, so that caches notice even two trainings within one clock tick.
        row.trainedAt = row.id == nil ? now : max(now, row.trainedAt.addingTimeInterval(0.001))
        try await row.save(on: database)
    }
}
