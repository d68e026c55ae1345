import KaikuStore

/// How a user's access stands, as the users pages show and filter it. A
/// deactivated user is that whatever else holds; a locked one next; an
/// invited one has not set a password yet.
enum UserState: String, CaseIterable, Sendable {
    case active, invited, locked, deactivated

    init(_ user: User) {
        if !user.isActive {
            self = .deactivated
        } else if user.lockedAt != nil {
            self = .locked
        } else if user.isInvited {
            self = .invited
        } else {
            self = .active
        }
    }
}
