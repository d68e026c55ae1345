import FluentKit
import Foundation
import KaikuCore
import SQLKit

extension SMSSurveyStore {
    /// The survey's visits since a time, counted by status and skip reason
    /// in the database; `units` limits them to a supervisor's units, nil
    /// counts the whole organisation.
    public static func activity(organisationID: UUID, units: [UUID]?, since: Date,
                                on database: any Database) async throws -> SMSSurveyActivity {
        if let units, units.isEmpty { return SMSSurveyActivity() }
        let sql = database as! any SQLDatabase
        var filter: SQLQueryString = "organisation_id = \(bind: organisationID) AND visited_at >= \(bind: since)"
        if let units { filter = filter + " AND unit_id IN \(SQLGroupExpression(units.map { SQLBind($0) }))" }
        let rows = try await sql.raw("""
            SELECT status, skip_reason, COUNT(*) AS n FROM \(ident: Visit.schema) WHERE \(filter) GROUP BY status, skip_reason
            """).all()
        var activity = SMSSurveyActivity()
        for row in rows {
            let status = try row.decode(column: "status", as: String.self)
            let count = try row.decode(column: "n", as: Int.self)
            activity.byStatus[status, default: 0] += count
            if let reason = try row.decode(column: "skip_reason", as: String?.self).flatMap(VisitSkip.init(rawValue:)) {
                activity.skipped[reason, default: 0] += count
            }
        }
        return activity
    }
}
