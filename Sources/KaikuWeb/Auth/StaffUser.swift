import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The signed-in staff member and what they may see: their unit's subtree
/// in their own organisation.
struct StaffUser: Authenticatable {
    var userID: UUID
    var organisationID: UUID
    var unitID: UUID
    var role: User.Role
    /// How the audit log names the user.
    var email: String = ""
}

extension Request {
    func requireStaff() throws -> StaffUser {
        guard let staff = auth.get(StaffUser.self) else {
            if auth.has(OperatorUser.self) { throw Abort(.forbidden, reason: OperatorUser.refusal) }
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Sign in: send Authorization: Bearer <token> from POST /api/v1/auth/token.")
        }
        return staff
    }

    func requireScope() async throws -> StaffScope {
        let staff = try requireStaff()
        let snapshot = try await kaiku.orgTrees.snapshot(of: staff.organisationID, now: kaiku.clock.now, on: db)
        return StaffScope(staff: staff, snapshot: snapshot)
    }
}

/// The org tree as one staff member sees it.
struct StaffScope {
    var staff: StaffUser
    /// The organisation's units as read once, shared with the requests that follow.
    var snapshot: OrgSnapshot
    var visible: Set<UUID>

    var units: [UUID: OrgUnit] { snapshot.byID }
    var tree: OrgTree<UUID> { snapshot.tree }

    func unit(code: String) -> OrgUnit? { snapshot.byCode[code] }

    func canSee(unit id: UUID) -> Bool { visible.contains(id) }

    /// The units closed for customers (closed or under a closed unit): their targets are offered nowhere.
    var closedForCustomers: Set<UUID> {
        tree.effectivelyClosed(Set(units.values.filter(\.closed).compactMap(\.id)))
    }
}

extension StaffScope {
    init(staff: StaffUser, snapshot: OrgSnapshot) {
        self.init(staff: staff, snapshot: snapshot, visible: snapshot.subtree(of: staff.unitID))
    }
}
