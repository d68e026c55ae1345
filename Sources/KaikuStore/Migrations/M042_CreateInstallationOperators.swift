import FluentKit

/// The installation administrator, apart from `users` (whose organisation
/// and unit are required: the operator has neither).
struct M042_CreateInstallationOperators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InstallationOperator.schema)
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InstallationOperator.schema).delete()
    }
}
