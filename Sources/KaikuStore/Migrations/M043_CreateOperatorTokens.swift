import FluentKit

/// The installation administrator's bearer tokens, as hashes; apart from
/// `user_tokens`, whose tokens name a user of an organisation.
struct M043_CreateOperatorTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OperatorToken.schema)
            .id()
            .field("operator_id", .uuid, .required, .references(InstallationOperator.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OperatorToken.schema).delete()
    }
}
