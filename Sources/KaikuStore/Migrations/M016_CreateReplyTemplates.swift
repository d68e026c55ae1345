import FluentKit

struct M016_CreateReplyTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReplyTemplate.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("name", .string, .required)
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReplyTemplate.schema).delete()
    }
}
