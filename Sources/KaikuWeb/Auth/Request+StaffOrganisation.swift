import Fluent
import Foundation
import KaikuStore
import Vapor

extension Request {
    /// The organisation `id`, as read with the bearer token when the
    /// authenticator had it (`BearerTokenAuthenticator` joins it), else from
    /// the database: a report's own requests are few, and this was one.
    func staffOrganisation(_ id: UUID) async throws -> Organisation? {
        if let known = storage[AuthenticatedOrganisationKey.self], known.id == id { return known }
        return try await Organisation.find(id, on: db)
    }

    /// Keeps the organisation read with the token for `staffOrganisation`.
    func rememberAuthenticatedOrganisation(_ organisation: Organisation) {
        storage[AuthenticatedOrganisationKey.self] = organisation
    }
}

private enum AuthenticatedOrganisationKey: StorageKey {
    typealias Value = Organisation
}
