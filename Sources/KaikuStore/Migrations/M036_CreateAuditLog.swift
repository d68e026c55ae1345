import FluentKit
import SQLKit

/// Administrative changes (tree, targets, survey, users, settings): who,
/// when, what, and the values before and after as JSON. Administrators read
/// and export it; nothing edits or deletes a row.
struct M036_CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await (database as! any SQLDatabase).create(index: "audit_log_org_at").on(AuditEntry.schema)
            .column("organisation_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
