import Foundation
import Vapor

extension Request {
    /// Whether staff of this organisation can sign in through an identity provider: its own,
    /// or for the first organisation the environment's (`KAIKU_OIDC_*`).
    func hasSingleSignOn(organisationID: UUID) async throws -> Bool {
        try await kaiku.oidc.configured(organisationID: organisationID, cipher: kaiku.cipher, on: db) != nil
    }
}
