import FluentKit

/// An organisation may sign its staff in only through its identity provider, keeping
/// passwords for the administrators it marks as break-glass (for when the provider is down).
/// Both off until an administrator turns them on.
struct M077_AddSingleSignOnOnly: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field("single_sign_on_only", .bool, .required, .sql(.default(false))).update()
        try await database.schema(User.schema).field("break_glass", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("break_glass").update()
        try await database.schema(Organisation.schema).deleteField("single_sign_on_only").update()
    }
}
