import FluentKit
import Foundation
import SQLKit

/// The one-time first-start setup addresses. An address works while it is
/// unused and no organisation exists, however the first one was made.
public enum SetupTokens {
    /// A new token when the database holds no organisation, nil otherwise.
    /// Only its hash is stored.
    public static func issueIfNoOrganisation(at now: Date, on database: any Database) async throws -> String? {
        guard try await Organisation.query(on: database).count() == 0 else { return nil }
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let token = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        try await SetupToken(tokenHash: SecretHash.hex(token), createdAt: now).create(on: database)
        return token
    }

    /// Whether `token` opens the setup page now.
    public static func isValid(_ token: String, on database: any Database) async throws -> Bool {
        guard looksLikeToken(token) else { return false }
        guard try await SetupToken.query(on: database).filter(\.$tokenHash == SecretHash.hex(token)).count() > 0 else { return false }
        return try await Organisation.query(on: database).count() == 0
    }

    /// Uses `token` up on `transaction`: true when it was valid, and no
    /// other use of it can succeed once this transaction commits. The row
    /// is deleted with `RETURNING`, so that of two concurrent uses exactly
    /// one deletes it (PostgreSQL makes the second wait for the first and
    /// then finds nothing; SQLite lets one writer in at a time).
    public static func use(_ token: String, within transaction: any Database) async throws -> Bool {
        guard looksLikeToken(token) else { return false }
        let rows = try await transaction.sql.raw("DELETE FROM \(ident: SetupToken.schema) WHERE token_hash = \(bind: SecretHash.hex(token)) RETURNING id").all()
        guard !rows.isEmpty else { return false }
        return try await Organisation.query(on: transaction).count() == 0
    }

    /// 43 URL-safe base64 characters as issued; anything else is not looked up.
    static func looksLikeToken(_ token: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".utf8)
        return (20...64).contains(token.utf8.count) && token.utf8.allSatisfy(allowed.contains)
    }
}
