import FluentKit
import Foundation

/// Finding the Kaiku user an identity provider vouched for, and remembering
/// their subject at the provider. Every lookup is within one organisation,
/// so that one organisation's provider never signs anyone into another.
public enum UserIdentities {
    /// The user whose subject at `issuer` was stored at an earlier sign-in.
    public static func user(organisationID: UUID, issuer: String, subject: String, on database: any Database) async throws -> User? {
        guard let identity = try await UserIdentity.query(on: database)
            .filter(\.$organisationID == organisationID)
            .filter(\.$issuer == issuer)
            .filter(\.$subject == subject)
            .first()
        else { return nil }
        return try await User.query(on: database)
            .filter(\.$id == identity.userID)
            .filter(\.$organisationID == organisationID)
            .first()
    }

    /// The organisation's user with this e-mail address, for a first sign-in.
    public static func user(organisationID: UUID, email: String, on database: any Database) async throws -> User? {
        try await User.query(on: database)
            .filter(\.$organisationID == organisationID)
            .filter(\.$email == email.lowercased())
            .first()
    }

    /// Stores the subject at the first sign-in and the time of every sign-in.
    /// A user already linked to another subject at the same issuer keeps that
    /// link: an e-mail address moved to another provider account does not
    /// silently take over the first one.
    public static func recordSignIn(of user: User, issuer: String, subject: String, now: Date, on database: any Database) async throws {
        let userID = try user.requireID()
        if let identity = try await UserIdentity.query(on: database)
            .filter(\.$organisationID == user.organisationID)
            .filter(\.$issuer == issuer)
            .filter(\.$subject == subject)
            .first() {
            identity.lastSignInAt = now
            try await identity.save(on: database)
            return
        }
        let identity = UserIdentity(organisationID: user.organisationID, userID: userID, issuer: issuer, subject: subject)
        identity.lastSignInAt = now
        try await identity.create(on: database)
    }

    /// Whether the user already has a subject at this issuer (then only that subject signs them in).
    public static func isLinked(_ userID: UUID, issuer: String, on database: any Database) async throws -> Bool {
        try await UserIdentity.query(on: database)
            .filter(\.$userID == userID)
            .filter(\.$issuer == issuer)
            .count() > 0
    }
}
