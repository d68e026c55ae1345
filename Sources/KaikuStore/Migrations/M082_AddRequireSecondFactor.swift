import FluentKit

/// Whether an organisation requires two-factor sign-in of its local
/// accounts. Off until an administrator turns it on.
struct M082_AddRequireSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field("require_second_factor", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("require_second_factor").update()
    }
}
