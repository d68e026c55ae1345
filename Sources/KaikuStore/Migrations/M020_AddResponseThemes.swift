import FluentKit

/// Themes and sentiment of the open text, found when the answer arrives.
/// Themes are stored as ",care,thanks," so that one can be matched with LIKE
/// on both databases.
struct M020_AddResponseThemes: AsyncMigration {
    // SQLite adds one column per ALTER TABLE, hence two updates.
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema).field("themes", .string).update()
        try await database.schema(FeedbackResponse.schema).field("sentiment", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema).deleteField("sentiment").update()
        try await database.schema(FeedbackResponse.schema).deleteField("themes").update()
    }
}
