import FluentKit
import SQLKit

struct M014_CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Job.schema)
            .id()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("run_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("locked_by", .string)
            .field("locked_until", .datetime)
            .field("done_at", .datetime)
            .field("failed_at", .datetime)
            .field("last_error", .string)
            .field("unique_key", .string)
            .unique(on: "unique_key")
            .create()
        try await (database as! any SQLDatabase).create(index: "jobs_due").on(Job.schema)
            .column("done_at").column("failed_at").column("run_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Job.schema).delete()
    }
}
