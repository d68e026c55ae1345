import FluentKit

struct M001_CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("code", .string, .required)
            .field("name_fi", .string, .required)
            .field("name_sv", .string, .required)
            .field("name_en", .string, .required)
            .field("time_zone", .string, .required)
            .field("minimum_n", .int, .required)
            .field("promise_days", .int, .required)
            .field("survey_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
