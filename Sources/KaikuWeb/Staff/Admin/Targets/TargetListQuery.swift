import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads the targets of the administrator's subtree for the list page.
/// Organisations have hundreds of targets, not millions: filtering in memory
/// keeps accent-insensitive search the same on both databases.
enum TargetListQuery {
    static func load(_ filters: TargetListFilters, scope: StaffScope, context: PageContext, on database: any Database) async throws -> TargetListModel {
        let language = context.language
        var subtree = scope.visible
        if !filters.unit.isEmpty, let unit = scope.unit(code: filters.unit), let id = unit.id, scope.canSee(unit: id) {
            subtree = Set(scope.tree.subtree(of: id))
        }
        let targets = try await Target.query(on: database).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ Array(subtree)).all()
        let closedUnits = scope.closedForCustomers
        let rows = targets.filter { target in
            switch filters.status {
            case .all: true
            case .active: target.active
            case .inactive: !target.active
            }
        }.filter { TargetListModel.matches(filters.q, code: $0.code, names: $0.name, keywords: $0.keywords) }
        .map { target in
            TargetListModel.Row(code: target.code, name: target.name[language], unit: scope.units[target.unitID]?.name[language] ?? "",
                                keywords: target.keywords, active: target.active, unitClosed: closedUnits.contains(target.unitID))
        }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        return TargetListModel(filters: filters, units: scope.unitOptions(under: scope.staff.unitID, language: language),
                               rows: TargetListModel.page(rows, number: filters.page), total: rows.count,
                               canImport: scope.isOrganisationAdministrator)
    }
}
