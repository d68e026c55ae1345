import FluentKit

/// What each API key may do (`open311`, `visits`), space-separated. Keys
/// issued before scopes existed get `open311` only: until now any key could
/// schedule SMS through /api/v1/visits, and a key given to a feedback app
/// cannot be told apart from one given to a patient system. A patient
/// system's operator issues it a new key with `--scope visits`.
struct M031_AddAPIClientScopes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIClient.schema).field("scopes", .string, .required, .sql(.default("open311"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIClient.schema).deleteField("scopes").update()
    }
}
