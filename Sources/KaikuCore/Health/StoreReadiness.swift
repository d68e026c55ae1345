import Foundation

/// Whether an instance can store answers: a database that answers a query
/// may still refuse every write (a full disk), and a load balancer should
/// stop sending answers to it until it can take them again.
public enum StoreReadiness {
    public enum Problem: String, Sendable, Equatable {
        /// Less free space where the database lives than the configured minimum.
        case diskFull
        /// A write failed for want of the database a moment ago.
        case writesFailing
    }

    /// How long after the last failed write the instance counts as not ready.
    public static let recovery: TimeInterval = 10

    public static func problem(freeBytes: Int64?, minimumFreeBytes: Int64, lastWriteFailure: Date?, now: Date) -> Problem? {
        if let freeBytes, freeBytes < minimumFreeBytes { return .diskFull }
        if let lastWriteFailure, now.timeIntervalSince(lastWriteFailure) < recovery { return .writesFailing }
        return nil
    }
}
