import FluentKit

/// An organisation's logo bytes (at most 512 KB, checked before they are
/// stored), one row each.
struct M070_CreateOrganisationLogos: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationLogo.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("content_type", .string, .required)
            .field("width", .int, .required)
            .field("height", .int, .required)
            .field("data", .data, .required)
            .field("digest", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationLogo.schema).delete()
    }
}
