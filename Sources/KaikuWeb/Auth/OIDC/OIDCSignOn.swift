import Fluent
import Foundation
import KaikuStore
import NIOConcurrencyHelpers
import Vapor

/// Single sign-on as the routes see it: which organisations have a provider,
/// and each one's `OIDCProvider` (kept, so its discovery and keys are cached).
/// The environment's provider (`KAIKU_OIDC_*`) serves the first organisation
/// until an administrator saves that organisation's own provider on its
/// settings page; from then on the saved one is used.
struct OIDCSignOn: Sendable {
    var environment: OIDCProviderSettings?
    let client: any OIDCProviderClient
    let providers = OIDCProviderCache()
    /// Origins of the providers in use, for the pages' `form-action`: signing out
    /// is a form whose answer goes on to the provider's end-session page.
    let origins: NIOLockedValueBox<Set<String>>

    init(environment: OIDCProviderSettings?, client: any OIDCProviderClient) {
        self.environment = environment
        self.client = client
        origins = NIOLockedValueBox(Set(environment?.origin.map { [$0] } ?? []))
    }

    /// An organisation's provider in use, with the saved row that configures it (nil for the environment's).
    struct Configured: Sendable {
        var organisation: Organisation
        var settings: OIDCProviderSettings
        var row: IdentityProvider?
    }

    /// The first organisation, the one the environment's provider serves.
    func firstOrganisation(on database: any Database) async throws -> Organisation? {
        try await Organisation.query(on: database).sort(\.$createdAt).first()
    }

    /// Every organisation whose staff can sign in through a provider, in the order they were created.
    func configured(cipher: ContactCipher, on database: any Database) async throws -> [Configured] {
        var found = try await IdentityProviders.enabled(on: database).compactMap { organisation, row in
            Self.settings(of: row, cipher: cipher).map { Configured(organisation: organisation, settings: $0, row: row) }
        }
        if let environment, let first = try await firstOrganisation(on: database),
           try await IdentityProviders.provider(organisationID: try first.requireID(), on: database) == nil {
            found.insert(Configured(organisation: first, settings: environment, row: nil), at: 0)
        }
        remember(found.map(\.settings))
        return found
    }

    /// The provider that signs in staff of this organisation, if it has one in use.
    func configured(organisationID: UUID, cipher: ContactCipher, on database: any Database) async throws -> Configured? {
        guard let organisation = try await Organisation.find(organisationID, on: database) else { return nil }
        if let row = try await IdentityProviders.provider(organisationID: organisationID, on: database) {
            guard row.enabled, let settings = Self.settings(of: row, cipher: cipher) else { return nil }
            remember([settings])
            return Configured(organisation: organisation, settings: settings, row: row)
        }
        guard let environment, try await firstOrganisation(on: database)?.id == organisationID else { return nil }
        return Configured(organisation: organisation, settings: environment, row: nil)
    }

    /// The kept provider for these settings (a changed setting starts afresh).
    func provider(_ configured: Configured) async -> OIDCProvider {
        await providers.provider(organisationID: configured.organisation.id ?? UUID(), settings: configured.settings, client: client)
    }

    /// A row whose secret cannot be opened (another key) or whose issuer is no longer
    /// acceptable is treated as not configured, and logged where it is saved.
    static func settings(of row: IdentityProvider, cipher: ContactCipher) -> OIDCProviderSettings? {
        guard let secret = try? cipher.open(row.clientSecretSealed) else { return nil }
        return try? OIDCProviderSettings(issuer: row.issuer, clientID: row.clientID, clientSecret: secret,
                                         trustsEmailClaims: row.trustsEmailClaims)
    }

    private func remember(_ settings: [OIDCProviderSettings]) {
        let found = settings.compactMap(\.origin)
        origins.withLockedValue { $0.formUnion(found) }
    }

    /// `KAIKU_PUBLIC_URL`, else the address this server was configured to listen on —
    /// never the request's `Host`, which the person signing in controls.
    static func redirectURI(_ request: Request) -> String {
        let base: String
        if let configured = request.kaiku.settings.publicBaseURL, !configured.isEmpty {
            base = configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        } else {
            let server = request.application.http.server.configuration
            base = "http://\(server.hostname):\(server.port)"
        }
        return base + SiteURL.staff(.oidcCallback).path
    }
}

/// One `OIDCProvider` per organisation, replaced when its settings change.
actor OIDCProviderCache {
    private var providers: [UUID: OIDCProvider] = [:]

    func provider(organisationID: UUID, settings: OIDCProviderSettings, client: any OIDCProviderClient) -> OIDCProvider {
        if let kept = providers[organisationID], kept.settings == settings { return kept }
        let fresh = OIDCProvider(settings: settings, client: client)
        providers[organisationID] = fresh
        return fresh
    }
}
