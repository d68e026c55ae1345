import FluentKit
import Foundation
import SQLKit

/// Sign-ins sent to a provider and not yet back, kept in the database so that
/// any server process behind a load balancer can finish them. Each is taken
/// once: the row is deleted with `RETURNING`, so of two callbacks with the same
/// `state` exactly one deletes it and the other finds nothing.
public enum OIDCPendingSignIns {
    public static func add(_ pending: OIDCPendingSignIn, on database: any Database) async throws {
        try await pending.create(on: database)
    }

    /// The sign-in started under the state with this hash, removed so it cannot be used again;
    /// nil when unknown, already taken, or expired.
    public static func take(stateHash: String, now: Date, on database: any Database) async throws -> OIDCPendingSignIn? {
        guard let found = try await OIDCPendingSignIn.query(on: database).filter(\.$stateHash == stateHash).first(),
              let id = found.id else { return nil }
        let rows = try await database.sql.raw("DELETE FROM \(ident: OIDCPendingSignIn.schema) WHERE id = \(bind: id) RETURNING id").all()
        guard !rows.isEmpty, found.expiresAt > now else { return nil }
        return found
    }

    /// Removes sign-ins nobody came back from; returns how many.
    @discardableResult
    public static func sweep(now: Date, on database: any Database) async throws -> Int {
        let expired = try await OIDCPendingSignIn.query(on: database).filter(\.$expiresAt <= now).count()
        if expired > 0 { try await OIDCPendingSignIn.query(on: database).filter(\.$expiresAt <= now).delete() }
        return expired
    }
}
