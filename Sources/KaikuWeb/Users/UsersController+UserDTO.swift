import Foundation
import KaikuStore
import Vapor

extension UsersController {
    /// A user as the API shows them. `name` is always present, null when
    /// none is kept, so clients need not guess whether it was left out.
    struct UserDTO: Content, Equatable {
        var id: UUID
        var email: String
        var name: String?
        var role: String
        var unit: String
        var locked: Bool
        var active: Bool
        /// Created without a password and the invitation not yet taken up.
        var invited: Bool
        /// May sign in with a password where the organisation signs everyone else in through its provider.
        var breakGlass: Bool

        init(id: UUID, email: String, name: String?, role: String, unit: String, locked: Bool, active: Bool, invited: Bool,
             breakGlass: Bool = false) {
            self.id = id
            self.email = email
            self.name = name
            self.role = role
            self.unit = unit
            self.locked = locked
            self.active = active
            self.invited = invited
            self.breakGlass = breakGlass
        }

        init(_ user: User, unit: String) {
            self.init(id: user.id ?? UUID(), email: user.email, name: user.name, role: user.role, unit: unit,
                      locked: user.lockedAt != nil, active: user.isActive, invited: user.isInvited, breakGlass: user.breakGlass)
        }

        enum CodingKeys: String, CodingKey {
            case id, email, name, role, unit, locked, active, invited, breakGlass
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(email, forKey: .email)
            try container.encode(name, forKey: .name)
            try container.encode(role, forKey: .role)
            try container.encode(unit, forKey: .unit)
            try container.encode(locked, forKey: .locked)
            try container.encode(active, forKey: .active)
            try container.encode(invited, forKey: .invited)
            try container.encode(breakGlass, forKey: .breakGlass)
        }
    }
}
