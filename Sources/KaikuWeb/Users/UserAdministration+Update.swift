import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension UserAdministration {
    /// A change as `PATCH /api/v1/users/{id}` carries it; what is left out stays.
    struct Change: Sendable, Equatable {
        var role: String?
        var unit: String?
        var active: Bool?
        /// An empty name removes it.
        var name: String?
        /// May sign in with a password where the organisation signs everyone else in through its provider.
        var breakGlass: Bool?
    }

    /// Applies the change, all of it or nothing: role, unit (within the
    /// caller's subtree), name, and deactivation, which ends the user's
    /// tokens, sessions and password links in the same transaction.
    /// Administrators cannot deactivate, demote or move themselves, so that
    /// nobody shuts their part of the organisation out by a slip.
    func update(_ user: User, _ change: Change) async throws -> User {
        let role = try change.role.map { raw -> User.Role in
            guard let role = User.Role(rawValue: raw) else {
                throw FieldError(field: "role", message: "role must be one of administrator, supervisor, handler, analyst.")
            }
            return role
        }
        let unitID = try change.unit.map { code -> UUID in
            guard let unit = scope.unit(code: code), let id = unit.id, scope.canSee(unit: id) else {
                throw FieldError(field: "unit", message: "unit must be the code of a unit in your part of the organisation.")
            }
            return id
        }
        let name = try change.name.map { try Self.checkedName($0) }
        if change.breakGlass != nil {
            try scope.requireOrganisationAdministrator("break-glass accounts")
            if change.breakGlass == true, (role ?? user.roleValue) != .administrator {
                throw FieldError(field: "breakGlass", message: "Only administrators can be break-glass accounts.")
            }
        }
        if isSelf(user) {
            if change.active == false {
                throw FieldError(status: .conflict, field: "active",
                                 message: "You cannot deactivate your own account; ask another administrator, so that someone can always manage users.")
            }
            if let role, role != .administrator {
                throw FieldError(status: .conflict, field: "role",
                                 message: "You cannot take the administrator role from yourself; ask another administrator, so that someone can always manage users.")
            }
            if let unitID, unitID != user.unitID {
                throw FieldError(status: .conflict, field: "unit",
                                 message: "You cannot move yourself to another unit; ask another administrator, so that your part of the organisation keeps its administrator.")
            }
        }
        let before = auditValues(user)
        if let role { user.role = role.rawValue }
        if let unitID { user.unitID = unitID }
        if let name { user.name = name }
        let wasWayIn = Self.isBreakGlassWayIn(user)
        if let breakGlass = change.breakGlass { user.breakGlass = breakGlass }
        let deactivating = change.active == false && user.isActive
        if wasWayIn, deactivating || !Self.isBreakGlassWayIn(user) {
            try await requireAnotherWayIn(besides: user)
        }
        let reactivating = change.active == true && !user.isActive
        if reactivating { user.deactivatedAt = nil }
        let after = auditValues(user).with(active: deactivating ? false : nil)
        guard after != before else { return user }
        let action = deactivating ? "user.deactivate" : reactivating ? "user.reactivate" : "user.update"
        let now = self.now
        try await request.db.writeTransaction { database in
            if deactivating {
                try await UserAccounts.deactivate(user, now: now, on: database)
            } else {
                try await user.save(on: database)
            }
            try await record(action, user, before: before, after: after, on: database)
        }
        return user
    }
}

private extension UserAdministration.AuditValues {
    func with(active: Bool?) -> Self {
        var copy = self
        if let active { copy.active = active }
        return copy
    }
}

extension UserAdministration {
    /// An active, unlocked administrator marked break-glass: a way in when the identity provider is down.
    static func isBreakGlassWayIn(_ user: User) -> Bool {
        user.breakGlass && user.roleValue == .administrator && user.isActive && user.lockedAt == nil
    }

    /// Where passwords are off, the last break-glass administrator stays one: otherwise an outage of
    /// the identity provider would shut the whole organisation out.
    func requireAnotherWayIn(besides user: User) async throws {
        guard try await Organisation.find(user.organisationID, on: request.db)?.singleSignOnOnly == true else { return }
        let others = try await User.query(on: request.db)
            .filter(\.$organisationID == user.organisationID).filter(\.$breakGlass == true)
            .filter(\.$role == User.Role.administrator.rawValue).filter(\.$deactivatedAt == nil).filter(\.$lockedAt == nil)
            .filter(\.$id != user.requireID())
            .count()
        guard others > 0 else {
            throw FieldError(status: .conflict, field: "breakGlass",
                             message: "This is the last break-glass administrator while staff sign in only with single sign-on; mark another administrator first.")
        }
    }
}
