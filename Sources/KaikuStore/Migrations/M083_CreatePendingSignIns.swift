import FluentKit

/// Sign-ins waiting for their second step.
struct M083_CreatePendingSignIns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PendingSignIn.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PendingSignIn.schema).delete()
    }
}
