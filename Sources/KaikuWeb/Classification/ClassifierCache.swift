import Foundation
import KaikuCore
import KaikuStore

/// Each organisation's classifier, kept in memory so that classifying an
/// answer costs no database work. Several instances may run: each one asks
/// at most every `checkInterval` whether the stored state was retrained
/// (one indexed read of `trained_at`) and reloads it only then.
actor ClassifierCache {
    private struct Entry {
        var classifier: FeedbackClassifier
        var trainedAt: Date?
        var checkedAt: Date
    }

    private var entries: [UUID: Entry] = [:]
    let checkInterval: TimeInterval

    init(checkInterval: TimeInterval = 5) {
        self.checkInterval = checkInterval
    }

    /// The organisation's classifier; `trainedAt` reads the stored training time, `load` the whole state.
    func classifier(
        for organisationID: UUID, now: Date,
        trainedAt: @Sendable () async throws -> Date?,
        load: @Sendable () async throws -> (classifier: FeedbackClassifier, trainedAt: Date?)
    ) async throws -> FeedbackClassifier {
        if let entry = entries[organisationID] {
            if now.timeIntervalSince(entry.checkedAt) < checkInterval, now >= entry.checkedAt { return entry.classifier }
            let stored = try await trainedAt()
            if stored == entry.trainedAt {
                entries[organisationID]?.checkedAt = now
                return entry.classifier
            }
        }
        let loaded = try await load()
        if entries.count > 10_000 { entries.removeAll() }
        entries[organisationID] = Entry(classifier: loaded.classifier, trainedAt: loaded.trainedAt, checkedAt: now)
        return loaded.classifier
    }

    /// Forgets an organisation's classifier, so that the next answer reads the new one (after a retraining here, or new themes).
    func invalidate(_ organisationID: UUID) {
        entries[organisationID] = nil
    }
}
