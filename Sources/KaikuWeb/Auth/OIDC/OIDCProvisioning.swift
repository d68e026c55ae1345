import Fluent
import Foundation
import KaikuStore

/// Creating a user at their first single sign-on, where the organisation has
/// turned it on: the role and unit come from the first group rule whose value
/// the token's group claim carries, else from the provider's default; with
/// neither the sign-in is refused. Only the organisation whose provider
/// vouched for the person gets the user.
enum OIDCProvisioning {
    /// Role and unit for a person with these group values, or nil when nothing applies.
    static func placement(groups: [String], provider: IdentityProvider) -> (role: User.Role, unitID: UUID)? {
        if provider.groupClaim != nil {
            for rule in provider.groupRules where groups.contains(rule.group) {
                if let role = User.Role(rawValue: rule.role) { return (role, rule.unitID) }
            }
        }
        guard let role = provider.defaultRole.flatMap(User.Role.init(rawValue:)), let unitID = provider.defaultUnitID else { return nil }
        return (role, unitID)
    }

    static func create(_ token: OIDCIDToken, subject: String, provider: IdentityProvider, settings: OIDCProviderSettings,
                       claims: [String: Any], now: Date, on database: any Database) async throws -> OIDCUserMatch.Outcome {
        let organisationID = provider.organisationID
        let actor = AuditActor(userID: nil, label: "single sign-on \(settings.issuer) \(subject)")
        func refuse(_ why: String, _ key: String) async throws -> OIDCUserMatch.Outcome {
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor,
                                        action: "sign-in.sso-refused", subject: why)
            return .refused(key)
        }
        guard let email = token.email?.lowercased(), PlainIdentifier.isPlain(email), email.contains("@"), email.utf8.count <= 254,
              token.emailVerified?.value == true || settings.trustsEmailClaims else {
            return try await refuse("unknown user without a usable e-mail address", "staff.oidc.refused.unknown")
        }
        let groups = provider.groupClaim.map { values(of: claims[$0]) } ?? []
        guard let placement = placement(groups: groups, provider: provider),
              try await OrgUnit.query(on: database).filter(\.$id == placement.unitID)
                  .filter(\.$organisationID == organisationID).count() > 0 else {
            return try await refuse("unknown user matching no group rule and no default", "staff.oidc.refused.noPlacement")
        }
        // E-mail addresses are unique across the installation: a person of another
        // organisation is never created again here, nor linked.
        guard try await User.query(on: database).filter(\.$email == email).count() == 0 else {
            return try await refuse("unknown user whose address belongs to another account", "staff.oidc.refused.unknown")
        }
        let user = User(organisationID: organisationID, email: email, passwordHash: User.noPassword, role: placement.role, unitID: placement.unitID)
        user.name = token.name.flatMap(displayName)
        try await database.transaction { transaction in
            try await user.create(on: transaction)
            let userID = try user.requireID()
            try await UserIdentities.recordSignIn(of: user, issuer: settings.issuer, subject: subject, now: now, on: transaction)
            try await AuditTrail.record(on: transaction, organisationID: organisationID, at: now, actor: actor, action: "user.create-sso",
                                        subject: "user \(userID)", before: String?.none,
                                        after: ["email": email, "role": placement.role.rawValue, "unit": placement.unitID.uuidString,
                                                "name": user.name ?? ""])
            try await AuditTrail.record(on: transaction, organisationID: organisationID, at: now,
                                        actor: .user(userID, email: email), action: "sign-in.sso", subject: "user \(userID)")
        }
        return .user(user)
    }

    /// The verified token's claims as JSON, for the claim the organisation named (`groups`, `roles`, ...).
    static func payload(of jwt: String) -> [String: Any] {
        let parts = jwt.split(separator: ".")
        guard parts.count == 3 else { return [:] }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// A claim as a list of strings: an array of strings, or one string.
    static func values(of claim: Any?) -> [String] {
        if let one = claim as? String { return [one] }
        return ((claim as? [Any]) ?? []).compactMap { $0 as? String }.prefix(1_000).map { $0 }
    }

    /// The `name` claim, if it is something to show: 1–200 characters, no control characters.
    static func displayName(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(trimmed.count), !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else { return nil }
        return trimmed
    }
}
