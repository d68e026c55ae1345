import FluentKit
import Foundation

/// What ending a user's access writes, as static functions that take the
/// transaction the caller records the change in.
public enum UserAccounts {
    /// Every API token and staff page session of the user (both live in
    /// `user_tokens`), their personal API tokens and any sign-in waiting for its second step.
    public static func endSessions(of userID: UUID, on database: any Database) async throws {
        try await UserToken.query(on: database).filter(\.$userID == userID).delete()
        try await PersonalToken.query(on: database).filter(\.$userID == userID).delete()
        try await PendingSignIn.query(on: database).filter(\.$userID == userID).delete()
    }

    /// Deactivates the user: their tokens, sessions and unused password
    /// links stop working in the same transaction, so nothing of theirs
    /// works once the answer comes.
    public static func deactivate(_ user: User, now: Date, on database: any Database) async throws {
        let id = try user.requireID()
        user.deactivatedAt = now
        try await user.save(on: database)
        try await endSessions(of: id, on: database)
        try await PasswordTokens.expireOpenLinks(of: id, now: now, on: database)
    }
}
