import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Managing users, for the API and the pages alike: only administrators,
/// only users whose unit lies in their own subtree, only units within it,
/// and every change written to the audit log in the transaction that makes it.
struct UserAdministration {
    let scope: StaffScope
    let request: Request

    /// The signed-in administrator's powers; 403 with `reason` for anyone else.
    static func of(_ request: Request, forbidden reason: String = "Only administrators manage users.") async throws -> UserAdministration {
        let scope = try await request.requireScope()
        guard scope.staff.role == .administrator else { throw Abort(.forbidden, reason: reason) }
        return UserAdministration(scope: scope, request: request)
    }

    var now: Date { request.kaiku.clock.now }

    /// The user named by `id`, if the caller administers their unit; 404 otherwise, wherever they are.
    func managedUser(_ id: UUID?) async throws -> User {
        guard let id, let user = try await User.find(id, on: request.db),
              user.organisationID == scope.staff.organisationID, scope.canSee(unit: user.unitID) else {
            throw Abort(.notFound, reason: "No user with that id in your part of the organisation.")
        }
        return user
    }

    func unitCode(of user: User) -> String { scope.units[user.unitID]?.code ?? "" }

    func isSelf(_ user: User) -> Bool { user.id == scope.staff.userID }


    /// The values of a user the audit log keeps before and after a change.
    struct AuditValues: Encodable, Equatable {
        var role: String
        var unit: String
        var name: String?
        var active: Bool
        var invited: Bool
        /// Kept only while true, so that the records of everyone else stay as they were.
        var breakGlass: Bool?
    }

    func auditValues(_ user: User) -> AuditValues {
        AuditValues(role: user.role, unit: unitCode(of: user), name: user.name, active: user.isActive, invited: user.isInvited,
                    breakGlass: user.breakGlass ? true : nil)
    }

    /// Records `action` on `user` in `database`, the transaction of the change.
    func record(_ action: String, _ user: User, before: AuditValues?, after: AuditValues?, on database: any Database) async throws {
        try await AuditTrail.record(on: database, organisationID: scope.staff.organisationID, at: now, actor: scope.staff.auditActor,
                                    action: action, subject: user.email, before: before, after: after)
    }

    /// Where links in e-mail point: the configured public address, else the one the administrator used.
    var linkBase: String { request.publicBaseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }

    /// Queues the e-mail with a link to set the password, in `database` (the
    /// caller's transaction), and returns the job to run once it is committed.
    func queuePasswordMail(_ user: User, purpose: PasswordToken.Purpose, language: Language, on database: any Database) async throws -> UUID {
        try await PasswordMailJob.enqueue(.init(userID: user.requireID(), purpose: purpose, language: language, baseURL: linkBase),
                                          now: now, on: database)
    }

    /// Sends a queued e-mail at once; when the mail server is away the job stays queued and is retried.
    func sendNow(_ job: UUID) async {
        do {
            try await JobRunner().runNow(job, app: request.application)
        } catch {
            request.logger.warning("password e-mail \(job) stays queued: \(error)")
        }
    }
}
