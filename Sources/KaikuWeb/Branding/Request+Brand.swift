import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension Request {
    /// The brand of the organisation a public page speaks for.
    func brand(organisationID: UUID) async throws -> OrganisationBrand? {
        try await Branding.brand(of: organisationID, on: db)
    }

    /// The brand of the installation's only organisation, for the pages that
    /// list every organisation's places (the start page, the figures): with
    /// several organisations no one brand speaks for them.
    func soleOrganisationBrand() async throws -> OrganisationBrand? {
        let first = try await Organisation.query(on: db).sort(\.$code).limit(2).all()
        guard first.count == 1, let only = first.first else { return nil }
        return try await Branding.brand(of: only, on: db)
    }
}
