import FluentKit

struct M006_CreateStatementAnswers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StatementAnswer.schema)
            .field("response_id", .uuid, .required, .references(FeedbackResponse.schema, "id", onDelete: .cascade))
            .field("question_id", .string, .required)
            .field("value", .int, .required)
            .compositeIdentifier(over: "response_id", "question_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StatementAnswer.schema).delete()
    }
}
