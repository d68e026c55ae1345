import FluentKit

/// Who a user is at their organisation's identity provider: one subject per
/// (organisation, issuer) names one user, so a provider cannot vouch for a
/// user of another organisation.
struct M075_CreateUserIdentities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserIdentity.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("issuer", .string, .required)
            .field("subject", .string, .required)
            .field("created_at", .datetime)
            .field("last_sign_in_at", .datetime)
            .unique(on: "organisation_id", "issuer", "subject")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserIdentity.schema).delete()
    }
}
