import FluentKit

/// An organisation's printed name and brand colour, one row each.
struct M069_CreateOrganisationBrandings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationBranding.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("name_fi", .string)
            .field("name_sv", .string)
            .field("name_en", .string)
            .field("colour", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationBranding.schema).delete()
    }
}
