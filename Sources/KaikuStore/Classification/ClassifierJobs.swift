import FluentKit
import Foundation

/// The job that retrains an organisation's classifier from its corrections
/// and relabels the answers no person has corrected.
public enum ClassifierJobs {
    public static let retrain = "classifier.retrain"
    /// Corrections arriving within one such window share one retraining.
    public static let window: TimeInterval = 10

    public struct Payload: Codable, Sendable {
        public var organisationID: UUID
    }

    public static func scheduleRetraining(organisationID: UUID, after now: Date, on database: any Database) async throws {
        let bucket = Int((now.timeIntervalSince1970 / window).rounded(.down)) + 1
        let payload = String(decoding: try JSONEncoder().encode(Payload(organisationID: organisationID)), as: UTF8.self)
        try await JobQueue.enqueue(kind: retrain, payload: payload, runAt: Date(timeIntervalSince1970: Double(bucket) * window),
                                   uniqueKey: "\(retrain):\(organisationID.uuidString):\(bucket)", on: database)
    }
}
