import FluentKit

/// One-time first-start setup addresses, as hashes. In the database rather
/// than in memory so that any instance behind a load balancer accepts the
/// address another printed, and a used one is used for all of them.
struct M041_CreateSetupTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SetupToken.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SetupToken.schema).delete()
    }
}
