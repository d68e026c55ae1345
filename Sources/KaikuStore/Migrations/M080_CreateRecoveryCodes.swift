import FluentKit

/// Users' single-use recovery codes, as hashes.
struct M080_CreateRecoveryCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "user_id", "code_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecoveryCode.schema).delete()
    }
}
