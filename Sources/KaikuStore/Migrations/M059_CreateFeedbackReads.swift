import FluentKit
import SQLKit

/// Which answers of the feed each staff member has read: a row per user and
/// answer, so one handler's reading leaves the others' feed unread. The
/// unique pair serves the feed's "read by me" test; the answer's own index
/// serves the cascade when an answer or user goes.
struct M059_CreateFeedbackReads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackRead.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("response_id", .uuid, .required, .references(FeedbackResponse.schema, "id", onDelete: .cascade))
            .field("read_at", .datetime, .required)
            .unique(on: "user_id", "response_id")
            .create()
        try await (database as! any SQLDatabase).create(index: "feedback_reads_response").on(FeedbackRead.schema)
            .column("response_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackRead.schema).delete()
    }
}
