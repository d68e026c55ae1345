import FluentKit

struct M013_AddUserLockout: AsyncMigration {
    // SQLite adds one column per ALTER TABLE, hence two updates.
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("failed_logins", .int, .required, .sql(.default(0))).update()
        try await database.schema(User.schema).field("locked_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("locked_at").update()
        try await database.schema(User.schema).deleteField("failed_logins").update()
    }
}
