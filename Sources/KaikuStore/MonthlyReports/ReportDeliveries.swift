import FluentKit
import Foundation
import SQLKit

/// The delivery table's operations. A report goes out only after its
/// (user, month) row is claimed with an atomic UPDATE, so two instances, a
/// job and a command, or a run after a restart never both send it; the
/// lease lets another sender take over a claim whose sender died.
public enum ReportDeliveries {
    /// How long a claim holds: far longer than one SMTP session.
    public static let lease: TimeInterval = 600

    /// Claims the report of `month` (yyyymm) for `userID` unless it was sent or
    /// someone else holds it now; true when this worker should send it.
    public static func claim(organisationID: UUID, userID: UUID, email: String, month: Int, worker: String, now: Date,
                             on database: any Database) async throws -> Bool {
        let sql = try database.sql
        try await sql.insert(into: ReportDelivery.schema)
            .columns("id", "organisation_id", "user_id", "month", "email", "status", "attempts", "created_at")
            .values(SQLBind(UUID()), SQLBind(organisationID), SQLBind(userID), SQLBind(month), SQLBind(email),
                    SQLBind(ReportDelivery.Status.pending.rawValue), SQLBind(0), SQLBind(now))
            .ignoringConflicts(with: ["user_id", "month"])
            .run()
        let rows = try await sql.raw("""
            UPDATE report_deliveries SET locked_by = \(bind: worker), locked_until = \(bind: now.addingTimeInterval(lease)),
                   attempts = attempts + 1, email = \(bind: email)
            WHERE user_id = \(bind: userID) AND month = \(bind: month) AND sent_at IS NULL
              AND (locked_until IS NULL OR locked_until < \(bind: now))
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    public static func markSent(userID: UUID, month: Int, worker: String, now: Date, on database: any Database) async throws {
        try await database.sql.update(ReportDelivery.schema)
            .set("sent_at", to: SQLBind(now)).set("status", to: SQLBind(ReportDelivery.Status.sent.rawValue))
            .set("locked_until", to: SQLLiteral.null).set("last_error", to: SQLLiteral.null)
            .where("user_id", .equal, SQLBind(userID)).where("month", .equal, SQLBind(month))
            .where("locked_by", .equal, SQLBind(worker))
            .run()
    }

    /// Gives the claim back after a failed attempt, so that the next try (the job's back-off) may take it.
    public static func markFailed(userID: UUID, month: Int, worker: String, error: String, on database: any Database) async throws {
        try await database.sql.update(ReportDelivery.schema)
            .set("status", to: SQLBind(ReportDelivery.Status.retrying.rawValue))
            .set("last_error", to: SQLBind(String(error.prefix(500)))).set("locked_until", to: SQLLiteral.null)
            .where("user_id", .equal, SQLBind(userID)).where("month", .equal, SQLBind(month))
            .where("locked_by", .equal, SQLBind(worker)).where("sent_at", .is, SQLLiteral.null)
            .run()
    }

    /// Whether `userID`'s report of `month` has gone out.
    public static func wasSent(userID: UUID, month: Int, on database: any Database) async throws -> Bool {
        try await ReportDelivery.query(on: database).filter(\.$userID == userID).filter(\.$month == month)
            .filter(\.$sentAt != nil).count() > 0
    }

    /// An organisation's deliveries, newest month first, for the administrators' page.
    public static func list(organisationID: UUID, limit: Int, offset: Int, on database: any Database) async throws -> (rows: [ReportDelivery], total: Int) {
        let query = ReportDelivery.query(on: database).filter(\.$organisationID == organisationID)
        let total = try await query.copy().count()
        let rows = try await query.sort(\.$month, .descending).sort(\.$sentAt, .descending).sort(\.$email)
            .range(offset..<(offset + limit)).all()
        return (rows, total)
    }
}
