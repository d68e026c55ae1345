import FluentKit
import Foundation
import KaikuCore

/// Stores and loads each organisation's trained classifier.
public enum ClassifierStore {
    /// The organisation's classifier: its trained state, or the untrained one with its themes
    /// when nobody has corrected anything yet (`trainedAt` nil) or the state is stale (its time).
    public static func load(organisationID: UUID, on database: any Database) async throws -> (classifier: FeedbackClassifier, trainedAt: Date?) {
        let row = try await ClassifierState.query(on: database).filter(\.$organisationID == organisationID).first()
        if let row, let classifier = try? JSONDecoder().decode(FeedbackClassifier.self, from: Data(row.state.utf8)),
           classifier.isCurrent {
            return (classifier, row.trainedAt)
        }
        // A state of an older build (or one that no longer decodes) counts as untrained until
        // `scheduleStaleRetraining` has it retrained; its time is kept so caches hold the
        // untrained one until then instead of loading the stale state again.
        let themes = try await ThemeCatalogue.classifierThemes(organisationID: organisationID, on: database)
        return (.untrained(themes: themes.codes, names: themes.names), row?.trainedAt)
    }

    /// Schedules a retraining for every organisation whose stored state another build's
    /// features or built-in examples made (after an upgrade); returns how many. Run at start.
    @discardableResult
    public static func scheduleStaleRetraining(at now: Date, on database: any Database) async throws -> Int {
        var stale = 0
        for row in try await ClassifierState.query(on: database).all() {
            guard !FeedbackClassifier.isCurrent(encoded: Data(row.state.utf8)) else { continue }
            try await ClassifierJobs.scheduleRetraining(organisationID: row.organisationID, after: now, on: database)
            stale += 1
        }
        return stale
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
