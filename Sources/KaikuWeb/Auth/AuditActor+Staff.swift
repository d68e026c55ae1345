import FluentKit
import KaikuStore

extension AuditActor {
    /// The signed-in staff member as the audit log names them: by the e-mail
    /// address they have now (read once per change, so a later change of
    /// address does not rewrite history).
    static func staff(_ staff: StaffUser, on database: any Database) async throws -> AuditActor {
        let email = try await User.find(staff.userID, on: database)?.email ?? staff.userID.uuidString
        return .user(staff.userID, email: email)
    }
}
