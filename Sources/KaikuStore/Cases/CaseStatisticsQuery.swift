import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The figures a supervisor follows for a set of units: cases received in
/// a period (the last year unless told), with when they were due and when
/// they were finished.
public enum CaseStatisticsQuery {
    public static func figures(units: [UUID], organisationID: UUID, now: Date, since: Date? = nil, until: Date? = nil,
                               on database: any Database) async throws -> CaseStatistics {
        guard !units.isEmpty else { return CaseStatistics([], now: now) }
        let sql = database as! any SQLDatabase
        let query = sql.select().columns("received_at", "due_at", "closed_at", "status")
            .from(FeedbackCase.schema)
            .where("organisation_id", .equal, SQLBind(organisationID))
            .where("unit_id", .in, SQLBind.group(units))
            .where("received_at", .greaterThanOrEqual, SQLBind(since ?? now.addingTimeInterval(-365 * 86_400)))
        if let until { query.where("received_at", .lessThan, SQLBind(until)) }
        let rows = try await query.all()
        let items = try rows.map { row in
            let pending = (CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open).isPending
            return CaseStatistics.Item(
                receivedAt: try row.decode(column: "received_at", as: Date.self), dueAt: try row.decode(column: "due_at", as: Date.self),
                closedAt: pending ? nil : (try row.decode(column: "closed_at", as: Date?.self) ?? now))
        }
        return CaseStatistics(items, now: now)
    }
}
