import FluentKit
import SQLKit

/// The staff idea bank. The submitter is kept even for an anonymous idea,
/// so that the notes of each status step reach them; `anonymous` hides them
/// from colleagues. The index serves the list and the counts, which always
/// read one organisation, newest first.
struct M072_CreateIdeas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Idea.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id", onDelete: .cascade))
            .field("category", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("anonymous", .bool, .required)
            .field("submitter_id", .uuid)
            .field("owner_id", .uuid)
            .field("language", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "ideas_organisation_created").on(Idea.schema)
            .column("organisation_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Idea.schema).delete()
    }
}
