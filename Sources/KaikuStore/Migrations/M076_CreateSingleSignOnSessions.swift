import FluentKit

/// Staff sessions begun through an identity provider, so that the provider
/// can end them (back-channel logout) and signing out can end the provider's.
struct M076_CreateSingleSignOnSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SingleSignOnSession.schema)
            .id()
            .field("user_token_id", .uuid, .required, .references(UserToken.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("issuer", .string, .required)
            .field("subject", .string, .required)
            .field("provider_session", .string)
            .field("id_token", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_token_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SingleSignOnSession.schema).delete()
    }
}
