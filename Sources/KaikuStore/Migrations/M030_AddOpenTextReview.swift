import FluentKit
import SQLKit

/// Open text goes public only once a handler has approved it: `published_at`
/// records the approval (and `published_by` who gave it), `public_text` the
/// text as the handler edited it. Answers stored before this count as not yet
/// reviewed. An organisation may choose to publish without review.
/// The partial index keeps the review list of answers waiting quick at
/// millions of answers, nearly all of which have no open text.
struct M030_AddOpenTextReview: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(FeedbackResponse.schema).field("published_at", .datetime).update()
        try await database.schema(FeedbackResponse.schema).field("published_by", .uuid).update()
        try await database.schema(FeedbackResponse.schema).field("public_text", .string).update()
        try await database.schema(Organisation.schema)
            .field("publish_open_text", .string, .required, .sql(.default("afterReview"))).update()
        try await (database as! any SQLDatabase).raw("""
            CREATE INDEX responses_awaiting_review ON responses (organisation_id, received_at)
            WHERE open_text IS NOT NULL AND published_at IS NULL AND hidden_from_public = false
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "responses_awaiting_review").run()
        try await database.schema(Organisation.schema).deleteField("publish_open_text").update()
        for field in ["published_at", "published_by", "public_text"] {
            try await database.schema(FeedbackResponse.schema).deleteField(.string(field)).update()
        }
    }
}
