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
}

extension Request {
    func requireStaff() throws -> StaffUser {
        guard let staff = auth.get(StaffUser.self) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Sign in: send Authorization: Bearer <token> from POST /api/v1/auth/token.")
        }
        return staff
    }

    func requireScope() async throws -> StaffScope {
        try await StaffScope.load(for: requireStaff(), on: db)
    }
}

/// The org tree as one staff member sees it.
struct StaffScope {
    var staff: StaffUser
    var units: [UUID: OrgUnit]
    var tree: OrgTree<UUID>
    var visible: Set<UUID>

    static func load(for staff: StaffUser, on database: any Database) async throws -> StaffScope {
        let units = try await OrgUnit.query(on: database).filter(\.$organisationID == staff.organisationID).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        return StaffScope(staff: staff, units: byID, tree: tree, visible: Set(tree.subtree(of: staff.unitID)))
    }

    func unit(code: String) -> OrgUnit? { units.values.first { $0.code == code } }

    func canSee(unit id: UUID) -> Bool { visible.contains(id) }
}
