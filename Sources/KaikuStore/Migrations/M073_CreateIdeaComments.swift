import FluentKit
import SQLKit

/// Staff comments on an idea, read oldest first under it.
struct M073_CreateIdeaComments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdeaComment.schema)
            .id()
            .field("idea_id", .uuid, .required, .references(Idea.schema, "id", onDelete: .cascade))
            .field("author_id", .uuid)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "idea_comments_idea").on(IdeaComment.schema)
            .column("idea_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdeaComment.schema).delete()
    }
}
