import FluentKit

/// One-time links to set a password (invitations and resets), stored as
/// hashes; a user's links go with the user.
struct M055_CreatePasswordTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordToken.schema).delete()
    }
}
