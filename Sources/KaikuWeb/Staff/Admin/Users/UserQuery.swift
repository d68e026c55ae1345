import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads a user's administration page.
enum UserQuery {
    static func load(_ user: User, scope: StaffScope, context: PageContext, on database: any Database) async throws -> UserModel {
        let zone = try await Organisation.find(user.organisationID, on: database)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki") ?? .current
        let unit = scope.units[user.unitID]
        return UserModel(
            id: try user.requireID(), email: user.email, name: user.name, role: user.role, unit: unit?.code ?? "",
            unitName: unit?.name[context.language] ?? "", state: UserState(user), locked: user.lockedAt != nil,
            isSelf: user.id == scope.staff.userID, created: user.createdAt.map { StaffForm.date($0, in: zone) } ?? "–",
            units: scope.unitOptions(under: scope.staff.unitID, language: context.language),
            form: UserDetailsForm(name: user.name ?? "", role: user.role, unit: unit?.code ?? "", breakGlass: user.breakGlass ? "on" : nil),
            offersBreakGlass: scope.isOrganisationAdministrator && user.roleValue == .administrator)
    }
}
