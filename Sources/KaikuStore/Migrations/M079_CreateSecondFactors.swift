import FluentKit

/// Users' TOTP secrets (sealed), at most one per user.
struct M079_CreateSecondFactors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SecondFactor.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("secret_sealed", .string, .required)
            .field("confirmed_at", .datetime)
            .field("last_used_step", .int64)
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SecondFactor.schema).delete()
    }
}
