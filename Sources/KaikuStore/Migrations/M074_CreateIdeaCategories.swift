import FluentKit

/// An organisation's idea categories beside the six defaults: a row with a
/// default's code renames it, any other row is a category of its own. Codes
/// are what ideas store, so they never change.
struct M074_CreateIdeaCategories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdeaCategory.schema)
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
        try await database.schema(IdeaCategory.schema).delete()
    }
}
