import FluentKit

struct M004_CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Target.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("code", .string, .required)
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id"))
            .field("name_fi", .string, .required)
            .field("name_sv", .string, .required)
            .field("name_en", .string, .required)
            .field("active", .bool, .required)
            // Codes are global because short links (/t/{code}) carry no organisation.
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Target.schema).delete()
    }
}
