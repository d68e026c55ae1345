import FluentKit

/// Each organisation's own identity provider (at most one), with what its
/// first-time users become. Creating users on first sign-in starts off.
struct M084_CreateIdentityProviders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdentityProvider.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("issuer", .string, .required)
            .field("client_id", .string, .required)
            .field("client_secret_sealed", .string, .required)
            .field("trusts_email", .bool, .required, .sql(.default(false)))
            .field("enabled", .bool, .required, .sql(.default(false)))
            .field("provisioning", .bool, .required, .sql(.default(false)))
            .field("default_role", .string)
            .field("default_unit_id", .uuid, .references(OrgUnit.schema, "id", onDelete: .setNull))
            .field("group_claim", .string)
            .field("group_rules", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdentityProvider.schema).delete()
    }
}
