import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Storing and checking users' second factors: the sealed TOTP secret, its
/// last used step and the recovery codes, as static functions on the
/// database (or transaction) the caller gives.
public enum SecondFactors {
    public static func find(userID: UUID, on database: any Database) async throws -> SecondFactor? {
        try await SecondFactor.query(on: database).filter(\.$userID == userID).first()
    }

    public static func isEnrolled(userID: UUID, on database: any Database) async throws -> Bool {
        try await find(userID: userID, on: database)?.isConfirmed ?? false
    }

    /// A new secret waiting for its first code; replaces an earlier unconfirmed
    /// one. Refused (nil) while a confirmed one exists: it is turned off first.
    public static func begin(userID: UUID, cipher: ContactCipher, on database: any Database) async throws -> [UInt8]? {
        if let existing = try await find(userID: userID, on: database) {
            guard !existing.isConfirmed else { return nil }
            try await existing.delete(on: database)
        }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<OneTimePassword.secretLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard let sealed = try cipher.seal(Base32.encode(secret)) else { return nil }
        try await SecondFactor(userID: userID, secretSealed: sealed).create(on: database)
        return secret
    }

    public static func secret(of factor: SecondFactor, cipher: ContactCipher) throws -> [UInt8]? {
        try cipher.open(factor.secretSealed).flatMap(Base32.decode)
    }

    /// Marks `step` used unless it or a later one already was; false when
    /// another request took it first. One conditional UPDATE, so two
    /// instances racing with the same code cannot both win.
    public static func consume(step: Int64, of factor: SecondFactor, on database: any Database) async throws -> Bool {
        let id = try factor.requireID()
        let rows = try await database.sql.update(SecondFactor.schema)
            .set("last_used_step", to: step)
            .where("id", .equal, id)
            .where(group: { $0.where(SQLColumn("last_used_step"), .is, SQLLiteral.null).orWhere("last_used_step", .lessThan, step) })
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    public static func confirm(_ factor: SecondFactor, now: Date, on database: any Database) async throws {
        factor.confirmedAt = now
        try await factor.save(on: database)
    }

    /// Turns the second factor off: the secret and every recovery code go.
    public static func remove(userID: UUID, on database: any Database) async throws {
        try await SecondFactor.query(on: database).filter(\.$userID == userID).delete()
        try await RecoveryCode.query(on: database).filter(\.$userID == userID).delete()
    }

    /// Replaces the user's recovery codes with these hashes.
    public static func replaceRecoveryCodes(userID: UUID, hashes: [String], on database: any Database) async throws {
        try await RecoveryCode.query(on: database).filter(\.$userID == userID).delete()
        for hash in hashes {
            try await RecoveryCode(userID: userID, codeHash: hash).create(on: database)
        }
    }

    /// Uses an unused recovery code with this hash; false when there is none
    /// (or another request used it first: the UPDATE is conditional).
    public static func useRecoveryCode(userID: UUID, hash: String, now: Date, on database: any Database) async throws -> Bool {
        let rows = try await database.sql.update(RecoveryCode.schema)
            .set("used_at", to: now)
            .where("user_id", .equal, userID)
            .where("code_hash", .equal, hash)
            .where(SQLBinaryExpression(SQLColumn("used_at"), .is, SQLLiteral.null))
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    public static func unusedRecoveryCodes(userID: UUID, on database: any Database) async throws -> Int {
        try await RecoveryCode.query(on: database).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
    }
}
