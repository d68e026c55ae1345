import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads one page of the organisation's audit log for the page.
enum AuditLogPageQuery {
    static let pageSize = 50

    static func load(organisation: Organisation, filters: AuditLogPageFilters, on database: any Database) async throws -> AuditLogModel {
        let organisationID = try organisation.requireID()
        let actions = try await AuditLogQuery.actions(organisationID: organisationID, on: database)
        var model = AuditLogModel(filters: filters, rows: [], total: 0, pageSize: pageSize, actions: actions)
        let filter: AuditLogFilter
        switch filters.parsed() {
        case .success(let parsed): filter = parsed
        case .failure(let error):
            model.errorField = error.field ?? "from"
            return model
        }
        let zone = organisation.timeZone
        model.total = try await AuditLogQuery.count(organisationID: organisationID, timeZone: zone, filter: filter, on: database)
        let entries = try await AuditLogQuery.entries(organisationID: organisationID, timeZone: zone, filter: filter, limit: pageSize,
                                                      offset: (filters.page - 1) * pageSize, on: database)
        model.rows = entries.map { entry in
            AuditLogModel.Row(at: StaffForm.date(entry.at, in: zone), actor: entry.actor, action: entry.action, subject: entry.subject,
                              changes: AuditLogModel.changes(before: entry.before, after: entry.after))
        }
        return model
    }
}
