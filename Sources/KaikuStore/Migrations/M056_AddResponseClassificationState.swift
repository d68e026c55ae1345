import FluentKit

/// Who gave an answer its themes and sentiment, and the handlers' flag.
/// `classified_with` is the source (`ClassificationSource`); a person's
/// correction also records who and when, and no later machine relabelling
/// touches it. `flagged_at`/`flagged_by` mark an answer for the unit's
/// meeting.
struct M056_AddResponseClassificationState: AsyncMigration {
    // SQLite adds one column per ALTER TABLE.
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema).field("classified_with", .string).update()
        try await database.schema(FeedbackResponse.schema).field("corrected_by", .uuid).update()
        try await database.schema(FeedbackResponse.schema).field("corrected_at", .datetime).update()
        try await database.schema(FeedbackResponse.schema).field("flagged_by", .uuid).update()
        try await database.schema(FeedbackResponse.schema).field("flagged_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["classified_with", "corrected_by", "corrected_at", "flagged_by", "flagged_at"] {
            try await database.schema(FeedbackResponse.schema).deleteField(.string(field)).update()
        }
    }
}
