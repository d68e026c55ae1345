import FluentKit

/// Back-channel logout tokens already used; the unique pair makes a replay lose.
struct M088_CreateOIDCSeenLogoutTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OIDCSeenLogoutToken.schema)
            .id()
            .field("issuer", .string, .required)
            .field("jti", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "issuer", "jti")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OIDCSeenLogoutToken.schema).delete()
    }
}
