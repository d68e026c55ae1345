import Fluent
import Foundation
import KaikuStore
import Vapor

/// Single sign-on as the routes see it: the configured provider, the sign-ins
/// under way, and which organisation the environment's provider belongs to.
struct OIDCSignOn: Sendable {
    var provider: OIDCProvider
    var pending = OIDCPendingSignIns()

    init(settings: OIDCProviderSettings, client: any OIDCProviderClient) {
        provider = OIDCProvider(settings: settings, client: client)
    }

    /// The environment's provider serves the first organisation, as the first-start setup made it.
    func organisation(on database: any Database) async throws -> Organisation? {
        try await Organisation.query(on: database).sort(\.$createdAt).first()
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
