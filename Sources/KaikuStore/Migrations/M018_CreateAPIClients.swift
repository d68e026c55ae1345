import FluentKit

struct M018_CreateAPIClients: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIClient.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("name", .string, .required)
            .field("key_hash", .string, .required)
            .field("created_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "key_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIClient.schema).delete()
    }
}
