import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/api/v1/users`: administrators manage the users of their subtree. The
/// rules live in `UserAdministration`, which the pages share.
struct UsersController: RouteCollection {
    struct CreateUserRequest: Content {
        var email: String
        /// Left out, the user is invited by e-mail to set one.
        var password: String?
        var role: String
        var unit: String
        var name: String?
        /// Of the invitation: fi, sv or en.
        var language: String?
    }

    struct CreatedUser: Content {
        var id: UUID
    }

    struct ChangeUserRequest: Content {
        var role: String?
        var unit: String?
        var active: Bool?
        var name: String?
        var breakGlass: Bool?
    }

    struct PasswordLinkRequest: Content {
        var language: String?
    }

    struct PasswordLinkSent: Content {
        /// `reset`, or `invitation` for a user who has not set a password yet.
        var kind: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("api", "v1", "users").grouped(BearerTokenAuthenticator())
        users.post(use: create)
        users.get(use: list)
        users.patch(":id", use: update)
        users.post(":id", "unlock", use: unlock)
        users.post(":id", "lock", use: lock)
        users.post(":id", "password-reset", use: passwordReset)
        users.delete(":id", "sessions", use: endSessions)
    }

    /// Users whose units lie in the administrator's subtree.
    func list(_ request: Request) async throws -> [UserDTO] {
        let admin = try await UserAdministration.of(request)
        return try await User.query(on: request.db)
            .filter(\.$organisationID == admin.scope.staff.organisationID)
            .filter(\.$unitID ~~ Array(admin.scope.visible))
            .sort(\.$email).all()
            .map { UserDTO($0, unit: admin.unitCode(of: $0)) }
    }

    func create(_ request: Request) async throws -> Response {
        let admin = try await UserAdministration.of(request)
        let body = try request.decodeJSON(CreateUserRequest.self)
        let user = try await admin.create(.init(email: body.email, password: body.password, role: body.role, unit: body.unit,
                                                name: body.name, language: body.language))
        let response = Response(status: .created)
        try response.content.encode(CreatedUser(id: user.requireID()), as: .json)
        return response
    }

    func update(_ request: Request) async throws -> UserDTO {
        let admin = try await UserAdministration.of(request)
        let user = try await admin.managedUser(request.parameters.get("id", as: UUID.self))
        let body = try request.decodeJSON(ChangeUserRequest.self)
        let changed = try await admin.update(user, .init(role: body.role, unit: body.unit, active: body.active, name: body.name,
                                                             breakGlass: body.breakGlass))
        return UserDTO(changed, unit: admin.unitCode(of: changed))
    }

    func unlock(_ request: Request) async throws -> UserDTO {
        let admin = try await UserAdministration.of(request)
        let user = try await admin.managedUser(request.parameters.get("id", as: UUID.self))
        try await admin.unlock(user)
        return UserDTO(user, unit: admin.unitCode(of: user))
    }

    func lock(_ request: Request) async throws -> UserDTO {
        let admin = try await UserAdministration.of(request)
        let user = try await admin.managedUser(request.parameters.get("id", as: UUID.self))
        try await admin.lock(user)
        return UserDTO(user, unit: admin.unitCode(of: user))
    }

    func endSessions(_ request: Request) async throws -> HTTPStatus {
        let admin = try await UserAdministration.of(request)
        try await admin.endSessions(try await admin.managedUser(request.parameters.get("id", as: UUID.self)))
        return .noContent
    }

    /// The body is optional: without one the e-mail is in Finnish.
    func passwordReset(_ request: Request) async throws -> Response {
        let admin = try await UserAdministration.of(request)
        let user = try await admin.managedUser(request.parameters.get("id", as: UUID.self))
        var body = PasswordLinkRequest()
        if (request.body.data?.readableBytes ?? 0) > 0 { body = try request.decodeJSON(PasswordLinkRequest.self) }
        let kind = try await admin.sendPasswordLink(user, language: body.language)
        let response = Response(status: .accepted)
        try response.content.encode(PasswordLinkSent(kind: kind.rawValue), as: .json)
        return response
    }
}
