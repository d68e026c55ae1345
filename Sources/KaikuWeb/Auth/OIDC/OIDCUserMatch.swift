import Fluent
import Foundation
import KaikuStore

/// Which Kaiku user an ID token vouches for, within the organisation whose
/// provider issued it: by the subject stored at an earlier sign-in, else by
/// a verified (or trusted) e-mail address. Roles and scopes stay Kaiku's.
/// Every outcome is written to the audit log.
enum OIDCUserMatch {
    enum Outcome {
        case user(User)
        /// The catalogue key of the reason shown to the person.
        case refused(String)
    }

    static func find(_ token: OIDCIDToken, configured: OIDCSignOn.Configured, idToken: String, now: Date,
                     on database: any Database) async throws -> Outcome {
        let organisationID = try configured.organisation.requireID(), settings = configured.settings
        let subject = String(token.subject.value.prefix(255))
        let actor = AuditActor(userID: nil, label: "single sign-on \(settings.issuer) \(subject)")
        guard let user = try await candidate(token, subject: subject, organisationID: organisationID, settings: settings, on: database) else {
            if let row = configured.row, row.provisioning {
                return try await OIDCProvisioning.create(token, subject: subject, provider: row, settings: settings,
                                                         claims: OIDCProvisioning.payload(of: idToken), now: now, on: database)
            }
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor,
                                        action: "sign-in.sso-refused", subject: "unknown user")
            return .refused("staff.oidc.refused.unknown")
        }
        let userID = try user.requireID()
        let about = "user \(userID)"
        guard user.lockedAt == nil else {
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor,
                                        action: "sign-in.sso-refused", subject: about + " locked")
            return .refused("staff.login.error.locked")
        }
        guard user.isActive else {
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor,
                                        action: "sign-in.sso-refused", subject: about + " deactivated")
            return .refused("staff.login.error.deactivated")
        }
        try await database.transaction { transaction in
            try await UserIdentities.recordSignIn(of: user, issuer: settings.issuer, subject: subject, now: now, on: transaction)
            try await AuditTrail.record(on: transaction, organisationID: organisationID, at: now,
                                        actor: .user(userID, email: user.email), action: "sign-in.sso", subject: about)
        }
        return .user(user)
    }

    private static func candidate(_ token: OIDCIDToken, subject: String, organisationID: UUID, settings: OIDCProviderSettings,
                                  on database: any Database) async throws -> User? {
        if let known = try await UserIdentities.user(organisationID: organisationID, issuer: settings.issuer, subject: subject, on: database) {
            return known
        }
        guard let email = token.email, PlainIdentifier.isPlain(email),
              token.emailVerified?.value == true || settings.trustsEmailClaims,
              let user = try await UserIdentities.user(organisationID: organisationID, email: email, on: database)
        else { return nil }
        // A user already linked to another account at this provider is not
        // taken over by whoever now holds their old e-mail address there.
        if try await UserIdentities.isLinked(try user.requireID(), issuer: settings.issuer, on: database) { return nil }
        return user
    }
}
