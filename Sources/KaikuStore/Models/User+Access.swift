import Foundation

extension User {
    /// Stored in `passwordHash` until an invited user sets a password: no
    /// password verifies against it, so the account cannot be signed in to.
    public static let noPassword = ""

    /// Invited and not yet through the link: there is no password to sign in with.
    public var isInvited: Bool { passwordHash == Self.noPassword }

    public var isActive: Bool { deactivatedAt == nil }

    /// Whether the user's tokens and sessions are honoured: read on every
    /// request, so locking or deactivating stops them at once.
    public var mayUseSessions: Bool { lockedAt == nil && deactivatedAt == nil }
}
