import FluentKit

/// The languages an organisation offers its customers (comma-separated
/// codes, Finnish always among them) and whether its answer promise counts
/// calendar days or working days (several counties promise "5 working days").
struct M040_AddOrganisationLanguagesAndPromiseUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(Organisation.schema)
            .field("languages", .string, .required, .sql(.default("fi,sv,en"))).update()
        try await database.schema(Organisation.schema)
            .field("promise_in", .string, .required, .sql(.default("calendarDays"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("promise_in").update()
        try await database.schema(Organisation.schema).deleteField("languages").update()
    }
}
