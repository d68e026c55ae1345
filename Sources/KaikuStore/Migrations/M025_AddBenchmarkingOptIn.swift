import FluentKit

/// Whether an organisation shares its organisation-level figures with the
/// other organisations of the installation that do the same. Off until an
/// administrator turns it on.
struct M025_AddBenchmarkingOptIn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field("benchmarking", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("benchmarking").update()
    }
}
