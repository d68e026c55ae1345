import FluentKit
import Foundation
import KaikuCore
import SQLKit

extension SMSSurveyStore {
    /// The survey's visits to `units` since a time, counted in the database:
    /// asked by the question's time being set and answered by the score's
    /// answer, since a stop word ends a visit in either state.
    public static func activity(organisationID: UUID, units: [UUID], since: Date,
                                on database: any Database) async throws -> SMSSurveyActivity {
        guard !units.isEmpty else { return SMSSurveyActivity() }
        let sql = try database.sql
        let rows = try await sql.raw("""
            SELECT status, skip_reason, COUNT(*) AS n,
                   SUM(CASE WHEN asked_at IS NULL THEN 0 ELSE 1 END) AS asked,
                   SUM(CASE WHEN response_id IS NULL THEN 0 ELSE 1 END) AS answered
            FROM \(ident: Visit.schema)
            WHERE organisation_id = \(bind: organisationID) AND visited_at >= \(bind: since)
              AND unit_id IN \(SQLGroupExpression(units.map { SQLBind($0) }))
            GROUP BY status, skip_reason
            """).all()
        var activity = SMSSurveyActivity()
        for row in rows {
            let status = try row.decode(column: "status", as: String.self)
            let count = try row.decode(column: "n", as: Int.self)
            activity.visits += count
            activity.asked += try row.decode(column: "asked", as: Int?.self) ?? 0
            activity.answered += try row.decode(column: "answered", as: Int?.self) ?? 0
            if status == Visit.Status.optedOut.rawValue { activity.optedOut += count }
            if status == Visit.Status.scheduled.rawValue { activity.waiting += count }
            if let reason = try row.decode(column: "skip_reason", as: String?.self).flatMap(VisitSkip.init(rawValue:)) {
                activity.skipped[reason, default: 0] += count
            }
        }
        return activity
    }
}
