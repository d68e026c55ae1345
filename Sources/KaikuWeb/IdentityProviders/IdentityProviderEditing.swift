import Fluent
import Foundation
import KaikuStore
import Vapor

/// Reading and saving an organisation's provider, shared by the settings page
/// and the JSON API. The environment's provider (`KAIKU_OIDC_*`) serves the
/// first organisation until its administrator saves one here: the form starts
/// from the environment's values, and an empty secret then takes the environment's.
enum IdentityProviderEditing {
    enum Source: String, Codable, Sendable {
        /// Saved on the settings page or through the API.
        case organisation
        /// `KAIKU_OIDC_*`, for the first organisation until it saves its own.
        case environment
        case none
    }

    struct Current: Sendable {
        var draft: IdentityProviderDraft
        var hasSecret: Bool
        var source: Source
        var units: [OrgUnit]
    }

    static func current(organisationID: UUID, on request: Request) async throws -> Current {
        let units = try await OrgUnit.query(on: request.db).filter(\.$organisationID == organisationID).sort(\.$code).all()
        let codes = Dictionary(units.compactMap { unit in unit.id.map { ($0, unit.code) } }, uniquingKeysWith: { first, _ in first })
        if let row = try await IdentityProviders.provider(organisationID: organisationID, on: request.db) {
            let draft = IdentityProviderDraft(
                issuer: row.issuer, clientID: row.clientID, trustsEmailClaims: row.trustsEmailClaims, enabled: row.enabled,
                provisioning: row.provisioning, defaultRole: row.defaultRole ?? "", defaultUnit: row.defaultUnitID.flatMap { codes[$0] } ?? "",
                groupClaim: row.groupClaim ?? "",
                groupRules: row.groupRules.map { .init(group: $0.group, role: $0.role, unit: codes[$0.unitID] ?? "") })
            return Current(draft: draft, hasSecret: true, source: .organisation, units: units)
        }
        if let environment = try await environmentSettings(organisationID: organisationID, on: request) {
            let draft = IdentityProviderDraft(issuer: environment.issuer, clientID: environment.clientID,
                                              trustsEmailClaims: environment.trustsEmailClaims, enabled: true)
            return Current(draft: draft, hasSecret: true, source: .environment, units: units)
        }
        return Current(draft: IdentityProviderDraft(), hasSecret: false, source: .none, units: units)
    }

    /// Checks the draft, fetches the issuer's discovery document once (a wrong
    /// issuer is refused and nothing is stored), seals the secret and saves
    /// with an audit record that never holds the secret.
    static func save(_ draft: IdentityProviderDraft, organisationID: UUID, actor: AuditActor, on request: Request) async throws {
        let current = try await current(organisationID: organisationID, on: request)
        let units = Dictionary(current.units.compactMap { unit in unit.id.map { (unit.code, $0) } }, uniquingKeysWith: { first, _ in first })
        let checked = try draft.checked(units: units, hasSecret: current.hasSecret)
        let row = try await IdentityProviders.provider(organisationID: organisationID, on: request.db)
        let secret: String
        if let given = checked.clientSecret {
            secret = given
        } else if let row, let stored = try? request.kaiku.cipher.open(row.clientSecretSealed) {
            secret = stored
        } else if let environment = try await environmentSettings(organisationID: organisationID, on: request) {
            secret = environment.clientSecret
        } else {
            throw IdentityProviderDraft.Problem(field: "clientSecret", key: "admin.identityProvider.error.clientSecretMissing")
        }
        let settings: OIDCProviderSettings
        do {
            settings = try OIDCProviderSettings(issuer: checked.issuer, clientID: checked.clientID, clientSecret: secret,
                                                trustsEmailClaims: checked.trustsEmailClaims)
            let document = try await request.kaiku.oidc.client.discovery(at: settings.discoveryURL)
            guard document.issuer == settings.issuer else { throw OIDCProviderError("discovery names \(document.issuer)") }
        } catch {
            request.logger.notice("identity provider not saved: \(error)")
            throw IdentityProviderDraft.Problem(field: "issuer", key: "admin.identityProvider.error.discovery")
        }
        let provider = row ?? IdentityProvider(organisationID: organisationID)
        let before = row.map(IdentityProviders.Snapshot.init)
        provider.issuer = checked.issuer
        provider.clientID = checked.clientID
        provider.clientSecretSealed = try request.kaiku.cipher.seal(secret) ?? ""
        provider.trustsEmailClaims = checked.trustsEmailClaims
        provider.enabled = checked.enabled
        provider.provisioning = checked.provisioning
        provider.defaultRole = checked.defaultRole?.rawValue
        provider.defaultUnitID = checked.defaultUnitID
        provider.groupClaim = checked.groupClaim
        provider.groupRules = checked.groupRules
        try await IdentityProviders.save(provider, before: before, secretChanged: checked.clientSecret != nil, actor: actor,
                                         at: request.kaiku.clock.now, on: request.db)
    }

    private static func environmentSettings(organisationID: UUID, on request: Request) async throws -> OIDCProviderSettings? {
        guard let environment = request.kaiku.oidc.environment,
              try await request.kaiku.oidc.firstOrganisation(on: request.db)?.id == organisationID else { return nil }
        return environment
    }
}
