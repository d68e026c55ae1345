import FluentKit
import Foundation
import SQLKit

/// The job table's operations, as static functions so that they are tested
/// without a running worker.
public enum JobQueue {
    public struct Claimed: Sendable {
        public var id: UUID
        public var kind: String
        public var payload: String
        public var attempts: Int
        public var maxAttempts: Int
    }

    /// Schedules a job and returns its id; with a `uniqueKey` that is already
    /// scheduled, nothing happens (the returned id then names no job).
    @discardableResult
    public static func enqueue(kind: String, payload: String = "{}", runAt: Date, uniqueKey: String? = nil,
                               maxAttempts: Int = 5, on database: any Database) async throws -> UUID {
        try await enqueue(kind: kind, payload: payload, runAt: runAt, uniqueKey: uniqueKey, maxAttempts: maxAttempts, on: database.sql)
    }

    @discardableResult
    public static func enqueue(kind: String, payload: String = "{}", runAt: Date, uniqueKey: String? = nil,
                               maxAttempts: Int = 5, on sql: any SQLDatabase) async throws -> UUID {
        let id = UUID()
        try await sql.insert(into: Job.schema)
            .columns("id", "kind", "payload", "run_at", "attempts", "max_attempts", "unique_key")
            .values(SQLBind(id), SQLBind(kind), SQLBind(payload), SQLBind(runAt), SQLBind(0), SQLBind(maxAttempts), SQLBind(uniqueKey))
            .ignoringConflicts(with: "unique_key")
            .run()
        return id
    }

    /// Takes the next due job for `worker` for `lease` seconds. The UPDATE is
    /// atomic on both databases, and on PostgreSQL `SKIP LOCKED` lets several
    /// instances claim different jobs at once instead of queueing on one row.
    public static func claim(worker: String, now: Date, lease: TimeInterval, on database: any Database) async throws -> Claimed? {
        let sql = try database.sql
        let skipLocked = try sql.flavour.skipLocked
        let rows = try await sql.raw("""
            UPDATE jobs SET locked_by = \(bind: worker), locked_until = \(bind: now.addingTimeInterval(lease)), attempts = attempts + 1
            WHERE id = (
                SELECT id FROM jobs
                WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= \(bind: now)
                  AND (locked_until IS NULL OR locked_until < \(bind: now))
                ORDER BY run_at LIMIT 1 \(unsafeRaw: skipLocked))
            AND (locked_until IS NULL OR locked_until < \(bind: now))
            RETURNING id, kind, payload, attempts, max_attempts
            """).all()
        return try rows.first.map(claimed)
    }

    /// Takes one particular job when it is due and free, so that work a
    /// request has just queued can run at once while staying in the table.
    public static func claim(id: UUID, worker: String, now: Date, lease: TimeInterval, on database: any Database) async throws -> Claimed? {
        let sql = try database.sql
        let rows = try await sql.raw("""
            UPDATE jobs SET locked_by = \(bind: worker), locked_until = \(bind: now.addingTimeInterval(lease)), attempts = attempts + 1
            WHERE id = \(bind: id) AND done_at IS NULL AND failed_at IS NULL AND run_at <= \(bind: now)
              AND (locked_until IS NULL OR locked_until < \(bind: now))
            RETURNING id, kind, payload, attempts, max_attempts
            """).all()
        return try rows.first.map(claimed)
    }

    private static func claimed(_ row: any SQLRow) throws -> Claimed {
        Claimed(
            id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
            payload: try row.decode(column: "payload", as: String.self), attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self))
    }

    public static func complete(_ id: UUID, worker: String, now: Date, on database: any Database) async throws {
        try await database.sql.update(Job.schema)
            .set("done_at", to: SQLBind(now)).set("locked_until", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).where("locked_by", .equal, SQLBind(worker))
            .run()
    }

    /// Records a failure: retried later with exponential back-off, or given up after the last attempt.
    public static func fail(_ job: Claimed, worker: String, error: String, now: Date, on database: any Database) async throws {
        let sql = try database.sql
        let update = sql.update(Job.schema).set("last_error", to: SQLBind(String(error.prefix(2_000)))).set("locked_until", to: SQLLiteral.null)
        if job.attempts >= job.maxAttempts {
            _ = update.set("failed_at", to: SQLBind(now))
        } else {
            _ = update.set("run_at", to: SQLBind(now.addingTimeInterval(min(3_600, 30 * pow(2, Double(job.attempts - 1))))))
        }
        try await update.where("id", .equal, SQLBind(job.id)).where("locked_by", .equal, SQLBind(worker)).run()
    }
}
