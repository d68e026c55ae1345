import FluentKit
import Foundation

/// The organisations' own identity providers.
public enum IdentityProviders {
    public static func provider(organisationID: UUID, on database: any Database) async throws -> IdentityProvider? {
        try await IdentityProvider.query(on: database).filter(\.$organisationID == organisationID).first()
    }

    /// Every enabled provider with its organisation, in the order the organisations were created.
    public static func enabled(on database: any Database) async throws -> [(Organisation, IdentityProvider)] {
        let providers = try await IdentityProvider.query(on: database).filter(\.$enabled == true).all()
        guard !providers.isEmpty else { return [] }
        let organisations = try await Organisation.query(on: database)
            .filter(\.$id ~~ providers.map(\.organisationID)).sort(\.$createdAt).all()
        return organisations.compactMap { organisation in
            providers.first { $0.organisationID == organisation.id }.map { (organisation, $0) }
        }
    }

    /// What an administrator may see of a provider: everything but the secret.
    public struct Snapshot: Codable, Equatable, Sendable {
        public var issuer: String
        public var clientID: String
        public var trustsEmailClaims: Bool
        public var enabled: Bool
        public var provisioning: Bool
        public var defaultRole: String?
        public var defaultUnitID: UUID?
        public var groupClaim: String?
        public var groupRules: [IdentityProvider.GroupRule]
        /// Only whether the secret changed, never the secret.
        public var secretChanged: Bool?

        public init(_ provider: IdentityProvider) {
            issuer = provider.issuer
            clientID = provider.clientID
            trustsEmailClaims = provider.trustsEmailClaims
            enabled = provider.enabled
            provisioning = provider.provisioning
            defaultRole = provider.defaultRole
            defaultUnitID = provider.defaultUnitID
            groupClaim = provider.groupClaim
            groupRules = provider.groupRules
        }
    }

    /// Saves `provider` with its `identity-provider.update` audit record (before and after, without the secret).
    public static func save(_ provider: IdentityProvider, before: Snapshot?, secretChanged: Bool, actor: AuditActor, at now: Date,
                            on database: any Database) async throws {
        try await database.transaction { transaction in
            try await provider.save(on: transaction)
            var after = Snapshot(provider)
            after.secretChanged = secretChanged
            try await AuditTrail.record(on: transaction, organisationID: provider.organisationID, at: now, actor: actor,
                                        action: "identity-provider.update", subject: provider.issuer, before: before, after: after)
        }
    }
}
