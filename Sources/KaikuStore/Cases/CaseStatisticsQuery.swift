import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The figures a supervisor follows for a set of units: cases received in
/// a period (the last year unless told), with when they were due and when
/// they were finished. The database counts them, and buckets handling
/// times for the median, so a county's year of cases costs two small results.
public enum CaseStatisticsQuery {
    public static func figures(units: [UUID], organisationID: UUID, now: Date, since: Date? = nil, until: Date? = nil,
                               soon: TimeInterval = 2 * 86_400, on database: any Database) async throws -> CaseStatistics {
        guard !units.isEmpty else { return CaseStatistics([], now: now) }
        let sql = try database.sql
        let flavour = try sql.flavour
        let epoch = flavour.epochSeconds
        // Handling times are never negative.
        let whole = flavour.wholeNonNegative
        let pending = "status IN ('\(CaseStatus.open.rawValue)', '\(CaseStatus.handling.rawValue)')"
        let nowSeconds = now.timeIntervalSince1970
        let closed = "COALESCE(\(epoch("closed_at")), \(nowSeconds))"
        var filter: SQLQueryString = """
            organisation_id = \(bind: organisationID) AND unit_id IN \(SQLGroupExpression(units.map { SQLBind($0) }))
              AND received_at >= \(bind: since ?? now.addingTimeInterval(-365 * 86_400))
            """
        if let until { filter = filter + " AND received_at < \(bind: until)" }

        let counts = try await sql.raw("""
            SELECT COUNT(*) AS total,
                   SUM(CASE WHEN \(unsafeRaw: pending) THEN 1 ELSE 0 END) AS pending,
                   SUM(CASE WHEN \(unsafeRaw: pending) AND \(unsafeRaw: epoch("due_at")) < \(unsafeRaw: String(nowSeconds)) THEN 1 ELSE 0 END) AS late,
                   SUM(CASE WHEN \(unsafeRaw: pending) AND \(unsafeRaw: epoch("due_at")) >= \(unsafeRaw: String(nowSeconds))
                            AND \(unsafeRaw: epoch("due_at")) <= \(unsafeRaw: String(nowSeconds + soon)) THEN 1 ELSE 0 END) AS due_soon,
                   SUM(CASE WHEN NOT (\(unsafeRaw: pending)) AND \(unsafeRaw: closed) <= \(unsafeRaw: epoch("due_at")) THEN 1 ELSE 0 END) AS kept,
                   SUM(CASE WHEN first_contact_at IS NOT NULL AND \(unsafeRaw: epoch("first_contact_at")) <= \(unsafeRaw: epoch("due_at")) THEN 1 ELSE 0 END) AS reaction_kept
            FROM \(ident: FeedbackCase.schema) WHERE \(filter)
            """).first()
        let buckets = try await sql.raw("""
            SELECT \(unsafeRaw: whole("(\(closed) - \(epoch("received_at"))) / \(CaseStatistics.histogramBucketSeconds)")) AS bucket,
                   COUNT(*) AS n
            FROM \(ident: FeedbackCase.schema) WHERE \(filter) AND NOT (\(unsafeRaw: pending))
            GROUP BY 1
            """).all()
        // Reaction times are counted the same way, from receipt to the first contact.
        let reactions = try await sql.raw("""
            SELECT \(unsafeRaw: whole("(\(epoch("first_contact_at")) - \(epoch("received_at"))) / \(CaseStatistics.histogramBucketSeconds)")) AS bucket,
                   COUNT(*) AS n
            FROM \(ident: FeedbackCase.schema) WHERE \(filter) AND first_contact_at IS NOT NULL
            GROUP BY 1
            """).all()
        func histogram(_ rows: [any SQLRow]) throws -> [Int: Int] {
            var counts: [Int: Int] = [:]
            for row in rows { counts[try row.decode(column: "bucket", as: Int.self)] = try row.decode(column: "n", as: Int.self) }
            return counts
        }
        func count(_ column: String) throws -> Int { try counts?.decode(column: column, as: Int?.self) ?? 0 }
        let total = try count("total"), pendingCount = try count("pending")
        return CaseStatistics(pending: pendingCount, late: try count("late"), dueSoon: try count("due_soon"),
                              finished: total - pendingCount, keptPromise: try count("kept"), handlingBuckets: try histogram(buckets),
                              reactionKept: try count("reaction_kept"), reactionBuckets: try histogram(reactions))
    }
}
