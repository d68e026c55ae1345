import FluentKit

/// Personal API tokens, apart from `user_tokens` (sign-in tokens and page
/// sessions): they have a name, an expiry the user chose and a last use.
struct M081_CreatePersonalTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonalToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonalToken.schema).delete()
    }
}
