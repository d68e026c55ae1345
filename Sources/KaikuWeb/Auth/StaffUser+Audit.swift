import KaikuStore

extension StaffUser {
    /// The signed-in user as the audit log names them.
    var auditActor: AuditActor { .user(userID, email: email) }
}
