import FluentKit
import SQLKit

struct M012_CreateAccessLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccessLogEntry.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("at", .datetime, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("action", .string, .required)
            .field("case_id", .uuid)
            .field("response_id", .uuid)
            .create()
        try await (database as! any SQLDatabase).create(index: "access_log_org_at").on(AccessLogEntry.schema)
            .column("organisation_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AccessLogEntry.schema).delete()
    }
}
