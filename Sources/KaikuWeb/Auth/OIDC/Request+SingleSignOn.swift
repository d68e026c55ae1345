import Foundation
import Vapor

extension Request {
    /// Whether staff of this organisation can sign in through an identity provider: the
    /// environment's provider (`KAIKU_OIDC_*`) serves the first organisation.
    func hasSingleSignOn(organisationID: UUID) async throws -> Bool {
        guard let oidc = kaiku.oidc else { return false }
        return try await oidc.organisation(on: db)?.id == organisationID
    }
}
