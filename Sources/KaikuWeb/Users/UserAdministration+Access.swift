import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension UserAdministration {
    /// Locks the account and ends its tokens and sessions in one
    /// transaction, so a stolen token stops working the moment the answer comes.
    func lock(_ user: User) async throws {
        guard !isSelf(user) else {
            // Locking oneself would leave nobody who can unlock the account from this part of the tree.
            throw Abort(.conflict, reason: "You cannot lock your own account; ask another administrator.")
        }
        guard user.lockedAt == nil else { return }
        let now = self.now
        try await request.db.writeTransaction { database in
            user.lockedAt = now
            try await user.save(on: database)
            try await UserAccounts.endSessions(of: user.requireID(), on: database)
            try await record("user.lock", user, before: nil, after: nil, on: database)
        }
    }

    func unlock(_ user: User) async throws {
        guard user.lockedAt != nil else { return }
        try await request.db.writeTransaction { database in
            user.lockedAt = nil
            user.failedLogins = 0
            try await user.save(on: database)
            try await record("user.unlock", user, before: nil, after: nil, on: database)
        }
    }

    /// Signs the user out everywhere: every API token and staff page session.
    /// The account itself stays usable.
    func endSessions(_ user: User) async throws {
        try await request.db.writeTransaction { database in
            try await UserAccounts.endSessions(of: user.requireID(), on: database)
            try await record("user.sessions-end", user, before: nil, after: nil, on: database)
        }
    }

    /// Sends a link to set a new password: a reset, valid for an hour, or
    /// for someone who never took up their invitation a new invitation.
    /// The old password keeps working until a new one is set, so a reset
    /// sent by mistake shuts nobody out; when a password may be known to
    /// someone else, deactivate or lock the account as well.
    @discardableResult
    func sendPasswordLink(_ user: User, language raw: String?) async throws -> PasswordToken.Purpose {
        let language = try Self.checkedLanguage(raw)
        guard user.isActive else {
            throw FieldError(status: .conflict, field: "active", message: "This user is deactivated; reactivate them before sending a password link.")
        }
        let purpose: PasswordToken.Purpose = user.isInvited ? .invitation : .reset
        let job = try await request.db.writeTransaction { database in
            try await record(purpose == .invitation ? "user.invite" : "user.password-reset", user, before: nil, after: nil, on: database)
            return try await queuePasswordMail(user, purpose: purpose, language: language, on: database)
        }
        await sendNow(job)
        return purpose
    }
}
