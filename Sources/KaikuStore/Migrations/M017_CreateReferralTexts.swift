import FluentKit

struct M017_CreateReferralTexts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReferralText.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("kind", .string, .required)
            .field("language", .string, .required)
            .field("text", .string, .required)
            .field("url", .string)
            .unique(on: "organisation_id", "kind", "language")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReferralText.schema).delete()
    }
}
