import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/api/v1/organisations`: the installation administrator creates and
/// lists the organisations of the installation. Nobody else may, and the
/// installation administrator may do nothing inside one.
struct OrganisationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organisations = routes.grouped("api", "v1", "organisations").grouped(BearerTokenAuthenticator())
        organisations.get(use: list)
        organisations.post(use: create)
    }

    func list(_ request: Request) async throws -> [OrganisationDTO] {
        _ = try request.requireOperator()
        return try await Organisation.query(on: request.db).sort(\.$code).all().map(OrganisationDTO.init)
    }

    func create(_ request: Request) async throws -> Response {
        let signedIn = try request.requireOperator()
        let draft = try request.decodeJSON(OrganisationCreateRequest.self).draft()
        let organisation: Organisation
        do {
            organisation = try await OrganisationSetup.create(
                draft, national: request.kaiku.nationalSurvey, actor: .installationOperator(email: signedIn.email),
                at: request.kaiku.clock.now, on: request.db)
        } catch let refusal as OrganisationSetup.Refusal {
            guard let first = refusal.problems.first else { throw refusal }
            throw FieldError(status: first.kind == .codeTaken ? .conflict : .badRequest, field: first.field.rawValue, message: first.description)
        }
        let response = Response(status: .created)
        try response.content.encode(OrganisationDTO(organisation), as: .json)
        return response
    }
}
