import FluentKit

/// A user's display name, and deactivation: an administrator ends a user's
/// access without deleting them, so their case history keeps its author.
struct M039_AddUserProfile: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(User.schema).field("name", .string).update()
        try await database.schema(User.schema).field("deactivated_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("deactivated_at").update()
        try await database.schema(User.schema).deleteField("name").update()
    }
}
