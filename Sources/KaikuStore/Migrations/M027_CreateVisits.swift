import FluentKit
import SQLKit

/// Visits reported by a patient system, for the SMS survey. The phone number
/// is kept (encrypted) only while the survey needs it; its pseudonym only
/// for the organisation's once-per-period rule.
struct M027_CreateVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Visit.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("external_id", .string, .required)
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id"))
            .field("target_id", .uuid, .references(Target.schema, "id"))
            .field("visited_at", .datetime, .required)
            .field("language", .string, .required)
            .field("status", .string, .required)
            .field("skip_reason", .string)
            .field("phone", .string)
            .field("phone_hash", .string)
            .field("send_at", .datetime)
            .field("asked_at", .datetime)
            .field("response_id", .uuid)
            .field("retried", .bool, .required, .sql(.default(false)))
            .field("last_inbound_id", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "organisation_id", "external_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "visits_status_send").on(Visit.schema).column("status").column("send_at").run()
        try await sql.create(index: "visits_org_phone_asked").on(Visit.schema).column("organisation_id").column("phone_hash").column("asked_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Visit.schema).delete()
    }
}
