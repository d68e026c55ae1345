import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Setting up, confirming and turning off a user's second factor, and new
/// recovery codes: shared by the account page and the sign-in's forced
/// set-up. Every change is in the audit log.
enum SecondFactorEnrolment {
    /// What the set-up page shows: the QR code of the otpauth address and the secret to type by hand.
    struct Setup: Sendable {
        var qrSVG: String
        var secret: String
    }

    /// The secret being set up (made when there is none), or nil once one is confirmed.
    static func setup(for user: User, title: String, on request: Request) async throws -> Setup? {
        let userID = try user.requireID()
        let existing = try await SecondFactors.find(userID: userID, on: request.db)
        if existing?.isConfirmed == true { return nil }
        let secret: [UInt8]?
        if let existing {
            secret = try SecondFactors.secret(of: existing, cipher: request.kaiku.cipher)
        } else {
            secret = try await SecondFactors.begin(userID: userID, cipher: request.kaiku.cipher, on: request.db)
        }
        guard let secret else { return nil }
        let uri = OneTimePassword.provisioningURI(secret: secret, account: user.email, issuer: "Kaiku")
        let grouped = Base32.encode(secret).enumerated().map { $0.offset > 0 && $0.offset % 4 == 0 ? " \($0.element)" : "\($0.element)" }.joined()
        return Setup(qrSVG: try QRCode(text: uri).svg(moduleSize: 5, border: 4, title: title), secret: grouped)
    }

    /// Starts over with a new secret, unless one is confirmed.
    static func restart(for user: User, on request: Request) async throws {
        let userID = try user.requireID()
        guard try await SecondFactors.find(userID: userID, on: request.db)?.isConfirmed != true else { return }
        _ = try await SecondFactors.begin(userID: userID, cipher: request.kaiku.cipher, on: request.db)
    }

    /// Confirms the secret with a first code (throws `SecondFactorCheck.Refusal`) and gives the recovery codes, shown once.
    static func confirm(_ typed: String?, for user: User, on request: Request) async throws -> [String] {
        try await SecondFactorCheck.verify(typed, for: user, confirming: true, on: request)
        let userID = try user.requireID()
        guard let factor = try await SecondFactors.find(userID: userID, on: request.db) else { throw SecondFactorCheck.Refusal.wrongCode }
        let codes = RecoveryCodes.generate()
        let now = request.kaiku.clock.now
        try await audited("second-factor.enrol", of: user, on: request) { database in
            try await SecondFactors.confirm(factor, now: now, on: database)
            try await SecondFactors.replaceRecoveryCodes(userID: userID, hashes: hashes(of: codes), on: database)
        }
        return codes
    }

    /// Whether `proof` is the user's password or a current code; a wrong one counts as a failed try.
    static func proves(_ proof: String?, for user: User, on request: Request) async throws -> Bool {
        guard let proof, !proof.isEmpty, proof.utf8.count <= 1_024 else { return false }
        if !user.isInvited, try await request.password.async.verify(proof, created: user.passwordHash) { return true }
        do {
            try await SecondFactorCheck.verify(proof, for: user, on: request)
            return true
        } catch SecondFactorCheck.Refusal.wrongCode {
            return false
        }
    }

    static func remove(for user: User, on request: Request) async throws {
        let userID = try user.requireID()
        try await audited("second-factor.remove", of: user, on: request) { try await SecondFactors.remove(userID: userID, on: $0) }
    }

    static func regenerateRecoveryCodes(for user: User, on request: Request) async throws -> [String] {
        let userID = try user.requireID()
        let codes = RecoveryCodes.generate()
        try await audited("second-factor.recovery-codes", of: user, on: request) {
            try await SecondFactors.replaceRecoveryCodes(userID: userID, hashes: hashes(of: codes), on: $0)
        }
        return codes
    }

    private static func hashes(of codes: [String]) -> [String] {
        codes.compactMap(RecoveryCodes.normalised).map(TokenHash.of)
    }

    /// The change and its line in the audit log, in one transaction.
    private static func audited(_ action: String, of user: User, on request: Request,
                                _ change: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let userID = try user.requireID()
        let organisationID = user.organisationID
        let email = user.email
        let now = request.kaiku.clock.now
        try await request.db.writeTransaction { database in
            try await change(database)
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: .user(userID, email: email),
                                        action: action, subject: email)
        }
    }
}
