import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads one page of the inbox for a user: the cases, who holds them and,
/// for supervisors and administrators, the promise figures of the same units.
enum InboxQuery {
    static let pageSize = 50

    static func load(_ filters: InboxFilters, scope: StaffScope, now: Date, context: PageContext, on database: any Database) async throws -> InboxModel {
        var filter = CaseInbox.Filter(units: scope.tree.subtree(of: scope.staff.unitID))
        filter.status = filters.status
        if !filters.unit.isEmpty {
            guard PlainIdentifier.isPlain(filters.unit), let unit = scope.unit(code: filters.unit), let unitID = unit.id, scope.canSee(unit: unitID) else {
                throw Abort(.notFound, reason: "No unit with code \(filters.unit) in your units.")
            }
            filter.units = scope.tree.subtree(of: unitID)
        }
        filter.channel = filters.channel?.rawValue
        filter.due = filters.due
        filter.theme = filters.theme?.rawValue
        if filters.mine { filter.assignee = scope.staff.userID }
        let page = try await CaseInbox.page(filter, organisationID: scope.staff.organisationID, now: now,
                                            offset: (filters.page - 1) * pageSize, limit: pageSize, on: database)
        let zone = try await Organisation.find(scope.staff.organisationID, on: database)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki")!
        let assignees = try await User.query(on: database).filter(\.$id ~~ Set(page.rows.compactMap(\.assigneeID))).all()
        let emails = Dictionary(assignees.compactMap { user in user.id.map { ($0, user.displayName) } }, uniquingKeysWith: { first, _ in first })
        let rows = page.rows.map { row in
            InboxModel.row(row, unitName: scope.units[row.unitID]?.name[context.language] ?? "", assignee: row.assigneeID.flatMap { emails[$0] },
                           now: now, zone: zone, context: context)
        }
        // Supervisors follow how their units keep the promise; the figures follow the unit filter.
        let statistics = [.supervisor, .administrator].contains(scope.staff.role)
            ? try await CaseStatisticsQuery.figures(units: filter.units, organisationID: scope.staff.organisationID, now: now, on: database)
            : nil
        return InboxModel(filters: filters, units: scope.unitOptions(under: scope.staff.unitID, language: context.language),
                          rows: rows, total: page.total, late: page.late, dueSoon: page.dueSoon, pageSize: pageSize, statistics: statistics)
    }
}
