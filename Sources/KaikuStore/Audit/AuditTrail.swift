import FluentKit
import Foundation

/// Writes administrative changes to the audit log. Call it on the same
/// database (transaction) as the change, so that a change and its record
/// land together or not at all.
public enum AuditTrail {
    /// Records one change. `before`/`after` are encoded as JSON with sorted
    /// keys, so that two records of the same value compare equal as text;
    /// pass nil for "did not exist" (a creation) or "no longer exists".
    public static func record<Before: Encodable, After: Encodable>(
        on database: any Database, organisationID: UUID, at: Date, actor: AuditActor,
        action: String, subject: String, before: Before?, after: After?
    ) async throws {
        let entry = AuditEntry(organisationID: organisationID, at: at, actor: actor, action: action, subject: subject,
                               before: try before.map(json), after: try after.map(json))
        try await entry.create(on: database)
    }

    /// Records a change that has no before/after values worth keeping
    /// (a password reset sent, sessions ended).
    public static func record(on database: any Database, organisationID: UUID, at: Date, actor: AuditActor,
                              action: String, subject: String) async throws {
        try await AuditEntry(organisationID: organisationID, at: at, actor: actor, action: action, subject: subject,
                             before: nil, after: nil).create(on: database)
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
