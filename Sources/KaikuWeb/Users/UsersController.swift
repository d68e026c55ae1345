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

    struct UserDTO: Content {
        var id: UUID
        var email: String
        var role: String
        var unit: String
        var locked: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("api", "v1", "users").grouped(BearerTokenAuthenticator())
        users.post(use: create)
        users.get(use: list)
        users.post(":id", "unlock", use: unlock)
        users.post(":id", "lock", use: lock)
        users.delete(":id", "sessions", use: endSessions)
    }

    /// Users whose units lie in the administrator's subtree.
    func list(_ request: Request) async throws -> [UserDTO] {
        let scope = try await administratorScope(request)
        return try await User.query(on: request.db)
            .filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ Array(scope.visible))
            .sort(\.$email).all()
            .map { UserDTO(id: $0.id!, email: $0.email, role: $0.role, unit: scope.units[$0.unitID]?.code ?? "", locked: $0.lockedAt != nil) }
    }

    func unlock(_ request: Request) async throws -> UserDTO {
        let (scope, user) = try await managedUser(request)
        user.lockedAt = nil
        user.failedLogins = 0
        try await user.save(on: request.db)
        return UserDTO(id: try user.requireID(), email: user.email, role: user.role, unit: scope.units[user.unitID]?.code ?? "", locked: false)
    }

    /// Locks an account and ends its tokens and sessions in one transaction,
    /// so a stolen token stops working the moment the answer comes.
    func lock(_ request: Request) async throws -> UserDTO {
        let (scope, user) = try await managedUser(request)
        guard user.id != scope.staff.userID else {
            // Locking oneself would leave nobody who can unlock the account from this part of the tree.
            throw Abort(.conflict, reason: "You cannot lock your own account; ask another administrator.")
        }
        let id = try user.requireID()
        try await request.db.writeTransaction { database in
            user.lockedAt = request.kaiku.clock.now
            try await user.save(on: database)
            try await UserToken.query(on: database).filter(\.$userID == id).delete()
        }
        return UserDTO(id: id, email: user.email, role: user.role, unit: scope.units[user.unitID]?.code ?? "", locked: true)
    }

    /// Signs a user out everywhere: every API token and staff page session
    /// (both live in `user_tokens`). The account itself stays usable.
    func endSessions(_ request: Request) async throws -> HTTPStatus {
        let (_, user) = try await managedUser(request)
        try await UserToken.query(on: request.db).filter(\.$userID == user.requireID()).delete()
        return .noContent
    }

    /// The user named in the path, if the caller administers their unit.
    private func managedUser(_ request: Request) async throws -> (StaffScope, User) {
        let scope = try await administratorScope(request)
        guard let id = request.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: request.db),
              user.organisationID == scope.staff.organisationID, scope.canSee(unit: user.unitID) else {
            throw Abort(.notFound, reason: "No user with that id in your part of the organisation.")
        }
        return (scope, user)
    }

    private func administratorScope(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard scope.staff.role == .administrator else {
            throw Abort(.forbidden, reason: "Only administrators manage users.")
        }
        return scope
    }

    func create(_ request: Request) async throws -> Response {
        let scope = try await administratorScope(request)
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
        // E-mail addresses are unique across the installation. The answer is the same wherever the
        // existing user is, and says nothing of where: no organisation learns of another's staff.
        let taken = "This e-mail address cannot be used for a new user: it is in use already."
        let exists = { try await User.query(on: request.db).filter(\.$email == email).first() != nil }
        if try await exists() {
            throw FieldError(status: .conflict, field: "email", message: taken)
        }
        let user = User(organisationID: scope.staff.organisationID, email: email,
                        passwordHash: try await request.password.async.hash(body.password), role: role, unitID: unit.id!)
        try await UniqueConflict.guarding(field: "email", message: taken, exists: exists) {
            try await user.create(on: request.db)
        }
        let response = Response(status: .created)
        try response.content.encode(CreatedUser(id: user.requireID()), as: .json)
        return response
    }
}
