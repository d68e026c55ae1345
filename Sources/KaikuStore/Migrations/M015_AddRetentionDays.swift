import FluentKit

struct M015_AddRetentionDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field("retention_days", .int, .required, .sql(.default(365))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("retention_days").update()
    }
}
