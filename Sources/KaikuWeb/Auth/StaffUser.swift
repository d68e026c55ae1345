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
        let units = try await kaiku.orgTrees.units(of: staff.organisationID, now: kaiku.clock.now, on: db)
        return StaffScope(staff: staff, units: units)
    }
}

/// The org tree as one staff member sees it.
struct StaffScope {
    var staff: StaffUser
    var units: [UUID: OrgUnit]
    var tree: OrgTree<UUID>
    var visible: Set<UUID>


    func unit(code: String) -> OrgUnit? { units.values.first { $0.code == code } }

    func canSee(unit id: UUID) -> Bool { visible.contains(id) }

    /// The units closed for customers (closed or under a closed unit): their targets are offered nowhere.
    var closedForCustomers: Set<UUID> {
        tree.effectivelyClosed(Set(units.values.filter(\.closed).compactMap(\.id)))
    }
}

extension StaffScope {
    init(staff: StaffUser, units: [OrgUnit]) {
        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        self.init(staff: staff, units: Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) }), tree: tree,
                  visible: Set(tree.subtree(of: staff.unitID)))
    }
}
