import FluentKit
import SQLKit

/// The published public figures: one snapshot per unit and period, kept in
/// the database so that every instance serving it publishes the same ones.
struct M035_CreatePublicFigureSnapshots: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicFigureSnapshots.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id"))
            .field("period", .string, .required)
            .field("from_day", .int, .required)
            .field("to_day", .int, .required)
            .field("tally", .string, .required)
            .field("taken_at", .datetime, .required)
            .field("checked_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "unit_id", "period")
            .create()
        // Every public page reads its organisation's snapshots at once.
        try await (database as! any SQLDatabase).create(index: "public_figure_snapshots_organisation")
            .on(PublicFigureSnapshots.schema).column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicFigureSnapshots.schema).delete()
    }
}
