import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads the users list: the users of the administrator's subtree (or of
/// the chosen unit's), then the search and state filters. An organisation's
/// staff is a few thousand people at most, so the words are matched here,
/// the same way on both databases and with accents folded.
enum UsersQuery {
    static func load(_ filters: UsersFilters, scope: StaffScope, context: PageContext, on database: any Database) async throws -> UsersModel {
        var filters = filters
        let chosen = scope.unit(code: filters.unit).flatMap { unit in unit.id.flatMap { scope.canSee(unit: $0) ? $0 : nil } }
        if chosen == nil { filters.unit = "" }
        let units = chosen.map { Set(scope.tree.subtree(of: $0)) } ?? scope.visible
        var query = User.query(on: database)
            .filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ Array(units))
        if let role = filters.role { query = query.filter(\.$role == role.rawValue) }
        let rows = try await query.all().compactMap { user in
            user.id.map { UsersModel.Row(id: $0, email: user.email, name: user.name, role: user.role,
                                         unit: scope.units[user.unitID]?.name[context.language] ?? "", state: UserState(user)) }
        }
        let found = UsersModel.filtered(rows, filters)
        let (page, number) = UsersModel.page(found, number: filters.page)
        filters.page = number
        return UsersModel(rows: page, total: found.count, filters: filters,
                          units: scope.unitOptions(under: scope.staff.unitID, language: context.language))
    }
}
