import FluentKit
import Foundation

/// A piece of background work: sending, reminding, escalating, purging. The
/// table is the queue, so it works the same on SQLite and PostgreSQL and
/// survives restarts; claiming a job is one atomic UPDATE, so two instances
/// never run the same job.
public final class Job: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "payload") public var payload: String
    @Field(key: "run_at") public var runAt: Date
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @OptionalField(key: "done_at") public var doneAt: Date?
    @OptionalField(key: "failed_at") public var failedAt: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    /// Makes scheduling idempotent: one reminder per case, one purge per day.
    @OptionalField(key: "unique_key") public var uniqueKey: String?

    public init() {}
}
