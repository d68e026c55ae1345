import FluentKit

/// An organisation's own themes beside the seven defaults ("parking"); the
/// code is what answers store, so it never changes once made.
struct M057_CreateOrganisationThemes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationTheme.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("name_fi", .string, .required)
            .field("name_sv", .string, .required)
            .field("name_en", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationTheme.schema).delete()
    }
}
