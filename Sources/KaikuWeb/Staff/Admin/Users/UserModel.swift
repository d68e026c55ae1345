import Foundation
import KaikuCore
import KaikuStore

/// What a user's administration page shows, as plain values: who they are,
/// the details form, the access steps offered now, and a step waiting for
/// confirmation or just taken.
struct UserModel: Sendable {
    var id: UUID
    var email: String
    var name: String?
    var role: String
    var unit: String
    var unitName: String
    var state: UserState
    var locked: Bool
    /// The administrator's own page: no role, unit or deactivation for oneself.
    var isSelf: Bool
    var created: String
    var units: [UnitOption]
    var form: UserDetailsForm
    var notice: UserNotice?
    var problem: UsersModel.Problem?
    /// A step that asks first, shown as its confirmation instead of the page.
    var confirming: SiteURL.UserFormAction?
    /// Whether the page offers the break-glass box: to administrators of the whole organisation, for administrators.
    var offersBreakGlass = false

    var title: String { name ?? email }

    /// The access steps offered in the user's state, in the order shown.
    var actions: [SiteURL.UserFormAction] {
        guard state != .deactivated else { return [.reactivate] }
        return (locked ? [.unlock] : []) + [.passwordReset, .endSessions] + (isSelf ? [] : [.deactivate])
    }

    /// Steps that shut someone out or send e-mail are confirmed on a page of their own first.
    static func asksFirst(_ action: SiteURL.UserFormAction) -> Bool {
        [.deactivate, .endSessions, .passwordReset].contains(action)
    }

    /// Whether the page offers the role and unit of the user for changing.
    var canChangeRoleAndUnit: Bool { !isSelf }

    /// The unit choices, indented by depth.
    var unitChoices: [(String, String)] {
        units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
    }
}
