import FluentKit
import Foundation
import SQLKit

/// The one-time links that set a password. A user has at most one working
/// link: a new one supersedes the older ones.
public enum PasswordTokens {
    public static func validity(of purpose: PasswordToken.Purpose) -> TimeInterval {
        switch purpose {
        // Long enough to reach someone on a week's leave.
        case .invitation: 7 * 86_400
        // Short: the link stands in for the password while it is open.
        case .reset: 3_600
        }
    }

    /// What a link in an address turns out to be.
    public enum Lookup: Sendable {
        /// It may still set the password of this user.
        case valid(tokenID: UUID, userID: UUID, purpose: PasswordToken.Purpose)
        /// It existed but was used, superseded by a newer one, expired or its user deactivated.
        case spent
        case unknown
    }

    /// Stores a new link for the user; their unused older links stop working.
    @discardableResult
    public static func issue(userID: UUID, purpose: PasswordToken.Purpose, tokenHash: String, now: Date,
                             on database: any Database) async throws -> PasswordToken {
        try await expireOpenLinks(of: userID, now: now, on: database)
        let token = PasswordToken(userID: userID, purpose: purpose, tokenHash: tokenHash, expiresAt: now.addingTimeInterval(validity(of: purpose)))
        try await token.create(on: database)
        return token
    }

    public static func lookUp(tokenHash: String, now: Date, on database: any Database) async throws -> Lookup {
        guard let token = try await PasswordToken.query(on: database).filter(\.$tokenHash == tokenHash).first() else { return .unknown }
        guard token.usedAt == nil, token.expiresAt > now,
              let user = try await User.find(token.userID, on: database), user.isActive else { return .spent }
        return .valid(tokenID: try token.requireID(), userID: token.userID, purpose: token.purposeValue)
    }

    /// Sets the user's password through the link and spends it, ending the
    /// user's other links and every session (a reset is often made because
    /// someone else may know the old password). False when the link was
    /// spent meanwhile — two posts of the same form set the password once.
    public static func redeem(tokenID: UUID, userID: UUID, passwordHash: String, now: Date, on database: any Database) async throws -> Bool {
        let spent = try await database.sql.raw("""
            UPDATE password_tokens SET used_at = \(bind: now)
            WHERE id = \(bind: tokenID) AND user_id = \(bind: userID) AND used_at IS NULL AND expires_at > \(bind: now)
            RETURNING id
            """).all()
        guard !spent.isEmpty else { return false }
        try await User.query(on: database).filter(\.$id == userID).set(\.$passwordHash, to: passwordHash).update()
        try await expireOpenLinks(of: userID, now: now, on: database)
        try await UserAccounts.endSessions(of: userID, on: database)
        return true
    }

    /// Ends the user's links that could still be used. They are kept, expired,
    /// so that opening one later says it no longer works rather than that it never did.
    public static func expireOpenLinks(of userID: UUID, now: Date, on database: any Database) async throws {
        try await PasswordToken.query(on: database)
            .filter(\.$userID == userID).filter(\.$usedAt == nil).filter(\.$expiresAt > now)
            .set(\.$expiresAt, to: now)
            .update()
    }
}
