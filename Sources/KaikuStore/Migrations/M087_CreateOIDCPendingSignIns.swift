import FluentKit

/// Single sign-ins under way, shared by every server process.
struct M087_CreateOIDCPendingSignIns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OIDCPendingSignIn.schema)
            .id()
            .field("state_hash", .string, .required)
            .field("browser_hash", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("nonce", .string, .required)
            .field("code_verifier", .string, .required)
            .field("redirect_uri", .string, .required)
            .field("next", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "state_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OIDCPendingSignIn.schema).delete()
    }
}
