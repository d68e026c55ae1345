import FluentKit

struct M002_CreateUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrgUnit.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("code", .string, .required)
            .field("parent_id", .uuid, .references(OrgUnit.schema, "id"))
            .field("name_fi", .string, .required)
            .field("name_sv", .string, .required)
            .field("name_en", .string, .required)
            .unique(on: "organisation_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrgUnit.schema).delete()
    }
}
