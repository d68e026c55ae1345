import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

struct UsersController: RouteCollection {
    struct CreateUserRequest: Content {
        var email: String
        var password: String
        var role: String
        var unit: String
    }

    struct CreatedUser: Content {
        var id: UUID
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "users").grouped(BearerTokenAuthenticator()).post(use: create)
    }

    func create(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        guard scope.staff.role == .administrator else {
            throw Abort(.forbidden, reason: "Only administrators can create users.")
        }
        let body = try request.decodeJSON(CreateUserRequest.self)
        guard let role = User.Role(rawValue: body.role) else {
            throw FieldError(field: "role", message: "role must be one of administrator, supervisor, handler, analyst.")
        }
        let email = body.email.trimmingCharacters(in: .whitespaces).lowercased()
        guard PlainIdentifier.isPlain(email), ContactDetails.isPlausibleEmail(email) else {
            throw FieldError(field: "email", message: "email must be an e-mail address.")
        }
        if let problem = PasswordPolicy.problem(with: body.password) {
            throw FieldError(field: "password", message: "password \(problem).")
        }
        guard let unit = scope.unit(code: body.unit), scope.canSee(unit: unit.id!) else {
            throw FieldError(field: "unit", message: "unit must be the code of a unit in your part of the organisation.")
        }
        if try await User.query(on: request.db).filter(\.$email == email).first() != nil {
            throw FieldError(status: .conflict, field: "email", message: "A user with this e-mail address exists already.")
        }
        let user = User(organisationID: scope.staff.organisationID, email: email,
                        passwordHash: try await request.password.async.hash(body.password), role: role, unitID: unit.id!)
        try await user.create(on: request.db)
        let response = Response(status: .created)
        try response.content.encode(CreatedUser(id: user.requireID()), as: .json)
        return response
    }
}
