import FluentKit
import Foundation

/// Users' personal API tokens: made, listed and revoked by their owner only,
/// looked up by hash when used.
public enum PersonalTokens {
    /// How many live tokens one user may hold, so that a loop cannot fill the table.
    public static let maximumPerUser = 50
    /// A token's last use is written at most this often, so that a busy
    /// client costs one write a minute rather than one per request.
    public static let lastUseResolution: TimeInterval = 60

    public static func list(userID: UUID, on database: any Database) async throws -> [PersonalToken] {
        try await PersonalToken.query(on: database).filter(\.$userID == userID).sort(\.$createdAt, .descending).all()
    }

    public static func count(userID: UUID, on database: any Database) async throws -> Int {
        try await PersonalToken.query(on: database).filter(\.$userID == userID).count()
    }

    public static func find(tokenHash: String, on database: any Database) async throws -> PersonalToken? {
        try await PersonalToken.query(on: database).filter(\.$tokenHash == tokenHash).first()
    }

    /// The owner's token with this id; another user's is as good as missing.
    public static func find(id: UUID, userID: UUID, on database: any Database) async throws -> PersonalToken? {
        try await PersonalToken.query(on: database).filter(\.$id == id).filter(\.$userID == userID).first()
    }

    public static func recordUse(_ token: PersonalToken, now: Date, on database: any Database) async throws {
        if let last = token.lastUsedAt, now.timeIntervalSince(last) < lastUseResolution, now >= last { return }
        try await PersonalToken.query(on: database).filter(\.$id == token.requireID()).set(\.$lastUsedAt, to: now).update()
    }

    /// Tokens past their expiry are of no use and are dropped when the owner lists theirs.
    public static func removeExpired(userID: UUID, now: Date, on database: any Database) async throws {
        try await PersonalToken.query(on: database).filter(\.$userID == userID).filter(\.$expiresAt <= now).delete()
    }
}
