import FluentKit
import Foundation

/// Back-channel logout tokens already acted on, by issuer and `jti`.
public enum OIDCSeenLogoutTokens {
    /// Records the token as used: true the first time, false for a replay. The
    /// unique (issuer, jti) pair decides, so two concurrent deliveries cannot both win.
    public static func firstUse(issuer: String, jti: String, expiresAt: Date, now: Date, on database: any Database) async throws -> Bool {
        try await sweep(now: now, on: database)
        if try await OIDCSeenLogoutToken.query(on: database).filter(\.$issuer == issuer).filter(\.$jti == jti).count() > 0 {
            return false
        }
        do {
            try await OIDCSeenLogoutToken(issuer: issuer, jti: jti, expiresAt: expiresAt).create(on: database)
            return true
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
    }

    /// Forgets tokens past their expiry: the signature check refuses them anyway.
    public static func sweep(now: Date, on database: any Database) async throws {
        try await OIDCSeenLogoutToken.query(on: database).filter(\.$expiresAt <= now).delete()
    }
}
