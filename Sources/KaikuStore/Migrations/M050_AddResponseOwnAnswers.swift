import FluentKit

/// Answers to an organisation's own choice and open questions, as JSON
/// `{"questionId": "optionId or masked text"}` on the response row. They are
/// not 1–5 values, so `statements` cannot hold them, and they are read one
/// answer at a time (the stored answer, exports), never summed by reports.
struct M050_AddResponseOwnAnswers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema).field("own_answers", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema).deleteField("own_answers").update()
    }
}
