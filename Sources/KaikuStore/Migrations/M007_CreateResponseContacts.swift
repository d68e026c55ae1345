import FluentKit

struct M007_CreateResponseContacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ResponseContact.schema)
            .id()
            .field("response_id", .uuid, .required, .references(FeedbackResponse.schema, "id", onDelete: .cascade))
            .field("name", .string)
            .field("email", .string)
            .field("phone", .string)
            .unique(on: "response_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ResponseContact.schema).delete()
    }
}
