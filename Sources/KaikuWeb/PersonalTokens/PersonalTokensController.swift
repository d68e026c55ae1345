import Foundation
import KaikuStore
import Vapor

/// `/api/v1/me/tokens`: a staff member's own API tokens. Each works like a
/// sign-in token with the user's role and unit as they are when it is used.
struct PersonalTokensController: RouteCollection {
    struct CreateRequest: Content {
        var name: String
        /// ISO 8601 time or a day (YYYY-MM-DD); at most a year away, 90 days when left out.
        var expiresAt: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let tokens = routes.grouped("api", "v1", "me", "tokens").grouped(BearerTokenAuthenticator())
        tokens.post(use: create)
        tokens.get(use: list)
        tokens.delete(":id", use: revoke)
    }

    func create(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let body = try request.decodeJSON(CreateRequest.self)
        let timeZone = try await Organisation.find(staff.organisationID, on: request.db)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki") ?? .gmt
        let issued = try await PersonalTokenIssue.issue(name: body.name, expiresAt: try PersonalTokenIssue.expiry(body.expiresAt, timeZone: timeZone),
                                                        for: staff, on: request)
        let response = Response(status: .created)
        try response.content.encode(CreatedPersonalTokenDTO(id: issued.token.requireID(), token: issued.secret, name: issued.token.name,
                                                            expiresAt: issued.token.expiresAt), as: .json)
        return response
    }

    func list(_ request: Request) async throws -> [PersonalTokenDTO] {
        try await PersonalTokenIssue.list(for: request.requireStaff(), on: request)
    }

    func revoke(_ request: Request) async throws -> HTTPStatus {
        let staff = try request.requireStaff()
        guard try await PersonalTokenIssue.revoke(id: request.parameters.get("id", as: UUID.self), for: staff, on: request) else {
            throw Abort(.notFound, reason: "You have no token with this id.")
        }
        return .noContent
    }
}
