import FluentKit
import Foundation
import KaikuCore

/// Reads one organisation's audit log, newest first. Every read is bound to
/// the organisation: no filter can reach another one's entries.
public enum AuditLogQuery {
    public static func entries(organisationID: UUID, timeZone: TimeZone, filter: AuditLogFilter, limit: Int, offset: Int,
                               on database: any Database) async throws -> [AuditEntry] {
        try await query(organisationID: organisationID, timeZone: timeZone, filter: filter, on: database)
            .sort(\.$at, .descending).sort(\.$id, .descending)
            .range(max(0, offset)..<(max(0, offset) + max(0, limit))).all()
    }

    public static func count(organisationID: UUID, timeZone: TimeZone, filter: AuditLogFilter, on database: any Database) async throws -> Int {
        try await query(organisationID: organisationID, timeZone: timeZone, filter: filter, on: database).count()
    }

    /// The actions the organisation's log holds, for the filter's choices.
    public static func actions(organisationID: UUID, on database: any Database) async throws -> [String] {
        try await AuditEntry.query(on: database).filter(\.$organisationID == organisationID)
            .unique().all(\.$action).sorted()
    }

    static func query(organisationID: UUID, timeZone: TimeZone, filter: AuditLogFilter, on database: any Database) -> QueryBuilder<AuditEntry> {
        let query = AuditEntry.query(on: database).filter(\.$organisationID == organisationID)
        if let from = filter.from { query.filter(\.$at >= from.start(in: timeZone)) }
        if let to = filter.to { query.filter(\.$at < to.adding(days: 1).start(in: timeZone)) }
        if let until = filter.until { query.filter(\.$at <= until) }
        if let action = filter.action {
            if action.contains(".") {
                query.filter(\.$action == action)
            } else {
                // An area: `template` is every `template.*`.
                query.filter(\.$action =~ (action + "."))
            }
        }
        return query
    }
}
