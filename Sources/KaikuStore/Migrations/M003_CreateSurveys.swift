import FluentKit

struct M003_CreateSurveys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Survey.schema)
            .id()
            .field("organisation_id", .uuid, .references(Organisation.schema, "id"))
            .field("code", .string, .required)
            .field("version", .int, .required)
            .field("definition", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "code", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Survey.schema).delete()
    }
}
