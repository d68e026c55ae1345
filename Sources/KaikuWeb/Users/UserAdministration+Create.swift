import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension UserAdministration {
    /// A new user as asked for; without a password, an invitation goes out.
    struct NewUser: Sendable {
        var email: String
        var password: String?
        var role: String
        var unit: String
        var name: String?
        var language: String?
    }

    /// Creates the user, audited; without a password, queues and sends the
    /// invitation with its link. The checks run in the order the fields are
    /// read, and a refusal changes nothing.
    func create(_ new: NewUser) async throws -> User {
        guard let role = User.Role(rawValue: new.role) else {
            throw FieldError(field: "role", message: "role must be one of administrator, supervisor, handler, analyst.")
        }
        let email = new.email.trimmingCharacters(in: .whitespaces).lowercased()
        guard PlainIdentifier.isPlain(email), ContactDetails.isPlausibleEmail(email) else {
            throw FieldError(field: "email", message: "email must be an e-mail address.")
        }
        if let password = new.password, let problem = PasswordPolicy.problem(with: password) {
            throw FieldError(field: "password", message: "password \(problem).")
        }
        guard let unit = scope.unit(code: new.unit), let unitID = unit.id, scope.canSee(unit: unitID) else {
            throw FieldError(field: "unit", message: "unit must be the code of a unit in your part of the organisation.")
        }
        let name = try Self.checkedName(new.name)
        let language = try Self.checkedLanguage(new.language)
        // E-mail addresses are unique across the installation. The answer is the same wherever the
        // existing user is, and says nothing of where: no organisation learns of another's staff.
        let taken = "This e-mail address cannot be used for a new user: it is in use already."
        let db = request.db
        let exists = { try await User.query(on: db).filter(\.$email == email).first() != nil }
        if try await exists() {
            throw FieldError(status: .conflict, field: "email", message: taken)
        }
        var hash = User.noPassword
        if let password = new.password { hash = try await request.password.async.hash(password) }
        let user = User(organisationID: scope.staff.organisationID, email: email, passwordHash: hash, role: role, unitID: unitID)
        user.name = name
        let invitation = try await UniqueConflict.guarding(field: "email", message: taken, exists: exists) {
            try await db.writeTransaction { database -> UUID? in
                try await user.create(on: database)
                try await record("user.create", user, before: nil, after: auditValues(user), on: database)
                guard user.isInvited else { return nil }
                return try await queuePasswordMail(user, purpose: .invitation, language: language, on: database)
            }
        }
        if let invitation { await sendNow(invitation) }
        return user
    }

    /// A display name: trimmed, at most 200 characters, nil when empty.
    static func checkedName(_ raw: String?) throws -> String? {
        guard let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        guard PlainIdentifier.isPlain(trimmed, maxLength: 200) else {
            throw FieldError(field: "name", message: "name must be at most 200 characters of text, without control characters.")
        }
        return trimmed
    }

    /// The language of an e-mail; Finnish, which every organisation offers, when none is given.
    static func checkedLanguage(_ raw: String?) throws -> Language {
        guard let raw, !raw.isEmpty else { return .fi }
        guard let language = Language(rawValue: raw) else {
            throw FieldError(field: "language", message: "language must be one of fi, sv, en.")
        }
        return language
    }
}
