import FluentKit

/// Each organisation's trained classifier, shared by every instance of the
/// server: an instance notices a newer `trained_at` and reloads the state.
struct M060_CreateClassifierStates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClassifierState.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("example_count", .int, .required)
            .field("trained_at", .datetime, .required)
            .unique(on: "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClassifierState.schema).delete()
    }
}
